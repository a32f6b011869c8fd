/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes one stream to several targets at once, each on its own thread, so the database is read
 * once whatever the number of destinations. Each target has a small bounded queue of chunks:
 * memory stays at a few MiB per target whatever the size of the stream, and the slowest
 * healthy target sets the pace. A target that fails is dropped and its error kept; the others
 * carry on. Only when every target has failed does writing fail.
 *
 * <p>A chunk's array goes back to a small pool once every target has written it, so a stream of
 * any size allocates a handful of arrays, not one per chunk: the garbage, and the memory the JVM
 * touches for it, stay flat. Targets follow {@link OutputStream}'s contract and keep no reference
 * to an array after {@code write} returns.
 *
 * <p>{@link #close()} waits until every target has received every byte; it does not close the
 * targets, whose owner decides whether to commit them.
 */
public final class FanOutOutputStream extends OutputStream {

    /** Size of the chunks handed to the targets. */
    static final int CHUNK_SIZE = 256 * 1024;
    /** Chunks waiting per target. */
    static final int QUEUE_LENGTH = 4;
    /** Arrays kept for reuse: enough for the chunks the slowest target can hold, and the one being filled. */
    static final int POOL_SIZE = QUEUE_LENGTH + 2;
    private static final Chunk END = new Chunk(new byte[0], 0, null, 0);
    private static final long ABORT_WAIT_MILLIS = 10_000;

    private final List<Branch> branches = new ArrayList<>();
    private final BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(POOL_SIZE);
    private byte[] buffer = new byte[CHUNK_SIZE];
    private int filled;
    private boolean closed;

    /**
     * Starts one writer thread per target.
     *
     * @param targets the streams to write to, by a name used in errors and thread names
     */
    public FanOutOutputStream(Map<String, ? extends OutputStream> targets) {
        targets.forEach((name, target) -> branches.add(new Branch(name, target)));
        branches.forEach(branch -> branch.thread.start());
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            publish();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == buffer.length) {
                publish();
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Sends every byte written so far and waits until each healthy target has received it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (filled > 0) {
            publish();
        }
        for (Branch branch : branches) {
            branch.put(END);
        }
        for (Branch branch : branches) {
            branch.join();
        }
        failIfAllFailed();
    }

    /** Stops every writer thread without waiting for pending chunks, waiting a few seconds for each to end. */
    public void abort() {
        closed = true;
        boolean interrupted = Thread.interrupted();
        branches.forEach(branch -> branch.thread.interrupt());
        for (Branch branch : branches) {
            try {
                branch.thread.join(ABORT_WAIT_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The targets that failed so far, by name, with their errors. */
    public Map<String, Throwable> failures() {
        Map<String, Throwable> failures = new LinkedHashMap<>();
        branches.forEach(branch -> branch.failure().ifPresent(error -> failures.put(branch.name, error)));
        return failures;
    }

    /** Whether every target has failed. */
    public boolean allFailed() {
        return !branches.isEmpty() && branches.stream().allMatch(branch -> branch.failure().isPresent());
    }

    private void publish() throws IOException {
        List<Branch> healthy = branches.stream().filter(branch -> branch.failure().isEmpty()).toList();
        Chunk chunk = new Chunk(buffer, filled, pool, healthy.size());
        byte[] free = pool.poll();
        buffer = free != null ? free : new byte[CHUNK_SIZE];
        filled = 0;
        for (Branch branch : healthy) {
            branch.put(chunk);
        }
        failIfAllFailed();
    }

    private void failIfAllFailed() throws IOException {
        if (allFailed()) {
            Map<String, Throwable> failures = failures();
            IOException error = new IOException("every destination failed: " + failures.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + Messages.firstLine(entry.getValue()))
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            failures.values().forEach(error::addSuppressed);
            throw error;
        }
    }

    /** Bytes for the targets; its array returns to the pool when the last of its readers is done with it. */
    private static final class Chunk {
        private final byte[] bytes;
        private final int length;
        private final BlockingQueue<byte[]> pool;
        private final AtomicInteger readers;

        Chunk(byte[] bytes, int length, BlockingQueue<byte[]> pool, int readers) {
            this.bytes = bytes;
            this.length = length;
            this.pool = pool;
            this.readers = new AtomicInteger(readers);
        }

        /** One reader is done; the last one gives the array back (dropped when the pool is full). */
        void release() {
            if (readers.decrementAndGet() == 0) {
                pool.offer(bytes);
            }
        }
    }

    private static final class Branch implements Runnable {
        private final String name;
        private final OutputStream target;
        private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
        private final Thread thread;
        private volatile Throwable failure;

        Branch(String name, OutputStream target) {
            this.name = name;
            this.target = target;
            this.thread = new Thread(this, "planb-write-" + name);
            this.thread.setDaemon(true);
        }

        Optional<Throwable> failure() {
            return Optional.ofNullable(failure);
        }

        void put(Chunk chunk) throws InterruptedIOException {
            try {
                queue.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing to " + name);
            }
        }

        void join() throws InterruptedIOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + name);
            }
        }

        @Override
        public void run() {
            try {
                for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    if (failure == null) {
                        write(chunk);
                    }
                    chunk.release();
                }
                if (failure == null) {
                    flush();
                }
            } catch (InterruptedException e) {
                if (failure == null) {
                    failure = new InterruptedIOException("write to " + name + " was interrupted");
                }
            }
        }

        /**
         * Completes the writes on this thread before it ends: a target whose stream is tied to
         * the writing thread (an SFTP upload waits here for the server's acknowledgements) must
         * not be left with work for a dead thread when its owner commits it on another one.
         */
        private void flush() {
            try {
                target.flush();
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void write(Chunk chunk) {
            try {
                target.write(chunk.bytes, 0, chunk.length);
            } catch (Throwable e) {
                // Any failure, errors included, drops this target; a dead thread must never stall the others.
                failure = e;
            }
        }
    }
}
