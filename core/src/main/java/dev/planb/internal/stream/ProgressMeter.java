/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import dev.planb.Progress;
import dev.planb.ProgressListener;
import java.time.Duration;
import java.util.function.LongSupplier;

/** Turns byte counts into {@link Progress} reports, a few per second at most. */
public final class ProgressMeter {

    private static final long INTERVAL_NANOS = 200_000_000L;

    private final ProgressListener listener;
    private final String plan;
    private final String operation;
    private final long expected;
    private final LongSupplier storedBytes;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos;

    /**
     * @param storedBytes reads the bytes moved to or from storage so far
     */
    public ProgressMeter(ProgressListener listener, String plan, String operation, long expected, LongSupplier storedBytes) {
        this.listener = listener;
        this.plan = plan;
        this.operation = operation;
        this.expected = expected;
        this.storedBytes = storedBytes;
    }

    /** Reports {@code databaseBytes} unless a report went out very recently. */
    public void update(long databaseBytes) {
        long now = System.nanoTime();
        if (now - lastReportNanos >= INTERVAL_NANOS) {
            lastReportNanos = now;
            report(databaseBytes, false);
        }
    }

    /** Sends the final report. */
    public void done(long databaseBytes) {
        report(databaseBytes, true);
    }

    private void report(long databaseBytes, boolean done) {
        listener.onProgress(new Progress(plan, operation, databaseBytes, storedBytes.getAsLong(), expected,
                Duration.ofNanos(System.nanoTime() - startNanos), done));
    }
}
