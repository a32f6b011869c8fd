/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far a backup or restore has come.
 *
 * @param plan the plan's name
 * @param operation {@code "backup"} or {@code "restore"}
 * @param databaseBytes bytes read from (backup) or written to (restore) the database tool
 * @param storedBytes bytes written to (backup) or read from (restore) storage, after compression
 * @param expectedDatabaseBytes the expected total of {@code databaseBytes}, or {@code -1} if unknown
 * @param elapsed time since the operation started
 * @param done {@code true} for the last report of an operation
 */
public record Progress(String plan, String operation, long databaseBytes, long storedBytes,
        long expectedDatabaseBytes, Duration elapsed, boolean done) {

    /** {@return the expected total of database bytes, when the engine could estimate it} */
    public OptionalLong expectedTotal() {
        return expectedDatabaseBytes < 0 ? OptionalLong.empty() : OptionalLong.of(expectedDatabaseBytes);
    }

    /** {@return the database bytes per second so far, averaged over the elapsed time} */
    public double bytesPerSecond() {
        long millis = Math.max(1, elapsed.toMillis());
        return databaseBytes * 1000.0 / millis;
    }
}
