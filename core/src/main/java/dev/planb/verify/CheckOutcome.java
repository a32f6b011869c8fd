/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

/**
 * How one {@link SqlCheck} went.
 *
 * @param query the check's query
 * @param comparison the comparison's symbol, e.g. {@code >=}
 * @param expected the expected value
 * @param actual the value the query returned ({@code null} for SQL NULL or no row), or the error
 *     when it failed to run
 * @param passed whether the check holds
 */
public record CheckOutcome(String query, String comparison, String expected, String actual, boolean passed) {

    /** {@return one line for reports: {@code OK|FAILED  query: expected >= 1, got 0}} */
    public String describe() {
        return (passed ? "OK      " : "FAILED  ") + query + ": expected " + comparison + " " + expected + ", got " + actual;
    }
}
