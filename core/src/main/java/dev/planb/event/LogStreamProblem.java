/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import java.time.Instant;

/**
 * Continuous log shipping needs attention: the shipped log has a gap (a new chain was started), the
 * receiving tool stopped (it is restarted), a destination missed a log file, or the server does not
 * allow log shipping and the plan fell back to dumps. Notified as a failure.
 *
 * @param plan the plan's name
 * @param time when it happened
 * @param problem what kind of problem
 * @param message one line saying what happened and what PlanB did about it
 */
public record LogStreamProblem(String plan, Instant time, Problem problem, String message) implements PlanBEvent {

    /** The kinds of log shipping problems. */
    public enum Problem {
        /** A log file is missing between two shipped ones: recovery cannot cross it, so a new chain starts. */
        GAP,
        /** The tool receiving the log ({@code pg_receivewal}, {@code mariadb-binlog}) stopped. */
        RECEIVER_STOPPED,
        /** A destination could not store a log file; it is retried. */
        DESTINATION_FAILED,
        /** The server does not allow log shipping: only dumps protect the plan. */
        FALLBACK_TO_DUMPS
    }
}
