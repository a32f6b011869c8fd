/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

/**
 * The thread a scheduled run is running on, so that a timeout or a shutdown on another thread can
 * interrupt it, and so that such an interrupt never reaches the pool's next job.
 */
final class WorkerThread {

    private Thread worker;

    /** Runs {@code body} on the calling thread, which is the one {@link #interrupt()} interrupts meanwhile. */
    void run(Runnable body) {
        synchronized (this) {
            worker = Thread.currentThread();
        }
        try {
            body.run();
        } finally {
            synchronized (this) {
                worker = null;
                Thread.interrupted(); // a cancel's interrupt must not reach the pool's next job
            }
        }
    }

    /** Interrupts the run's thread; false when no run is on. */
    synchronized boolean interrupt() {
        if (worker == null) {
            return false;
        }
        worker.interrupt();
        return true;
    }
}
