/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

/**
 * Something a plan may have missed, found by a restore drill's coverage review.
 *
 * @param kind what kind of gap
 * @param name the database or table concerned
 * @param message one line saying what was found and what to consider
 */
public record CoverageFinding(Kind kind, String name, String message) {

    /** The kinds of gaps a drill looks for. */
    public enum Kind {
        /** A database on the server that no plan backs up. */
        DATABASE_NOT_BACKED_UP,
        /** A table of the live database that the backup does not hold (left out by the plan's filters, or newer). */
        TABLE_NOT_IN_BACKUP,
        /** A table that appeared since the previous drill. */
        NEW_TABLE
    }
}
