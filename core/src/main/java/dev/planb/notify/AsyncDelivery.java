/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.spi.support.Messages;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs deliveries on one daemon thread, fed by a bounded queue: submitting never blocks, a full
 * queue drops (and logs) the newest delivery, and a failed delivery is logged, never thrown. The
 * thread starts with the first delivery.
 */
final class AsyncDelivery implements AutoCloseable {

    /** One delivery; its exception is logged. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AsyncDelivery.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final String description;
    private final BlockingQueue<Runnable> queue;
    private Thread worker;
    private boolean closed;
    private int dropped;

    /**
     * @param description the receiver, secret-free, for log lines and the thread's name
     * @param capacity how many deliveries may wait
     */
    AsyncDelivery(String description, int capacity) {
        this.description = description;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues a delivery of {@code what} (for log lines); returns at once. */
    synchronized void submit(String what, Task task) {
        if (closed) {
            LOG.warn("{}: not sent, the notifier is closed: {}", description, what);
            return;
        }
        if (!queue.offer(() -> run(what, task))) {
            if (dropped++ == 0) { // once per overflow, or the warning would flood the log in turn
                LOG.warn("{}: not sent, {} notifications are already waiting: {}", description, queue.size(), what);
            }
            return;
        }
        if (dropped > 0) {
            LOG.warn("{}: {} notification(s) were dropped while the queue was full", description, dropped);
            dropped = 0;
        }
        if (worker == null) {
            worker = new Thread(this::work, "planb-notify " + description);
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void run(String what, Task task) {
        try {
            task.run();
            LOG.debug("{}: sent {}", description, what);
        } catch (InterruptedException e) {
            LOG.warn("{}: not sent, stopped while sending: {}", description, what);
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOG.warn("{}: could not send \"{}\": {}", description, what, Messages.firstLine(e));
        }
    }

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Runnable next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    next.run();
                } else if (isClosed()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Sends what is queued, waiting a few seconds at most, then stops the thread. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = worker;
        }
        if (running == null) {
            return;
        }
        try {
            running.join(DRAIN_TIMEOUT.toMillis());
            if (running.isAlive()) {
                running.interrupt();
                LOG.warn("{}: {} notification(s) not sent: still waiting after {}s", description, queue.size(),
                        DRAIN_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            running.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
