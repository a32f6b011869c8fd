/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's check on a restored backup: a query whose first column of its first row must compare
 * with an expected value, e.g. that yesterday's orders are there.
 *
 * <pre>{@code
 * SqlCheck.of("select count(*) from orders where created_at > now() - interval '1 day'", Comparison.AT_LEAST, "1");
 * SqlCheck.parse("select count(*) from customers >= 100");   // the same, written as one line
 * }</pre>
 *
 * @param query the SQL query, run in the restored database
 * @param comparison how its value must compare with {@code expected}
 * @param expected the expected value, a number or a text
 */
public record SqlCheck(String query, Comparison comparison, String expected) {

    /** The query, then the last comparison operator and a value without spaces. */
    private static final Pattern ONE_LINE = Pattern.compile("^(.*[^<>!=\\s])\\s*(>=|<=|!=|=|>|<)\\s*(\\S+)\\s*$",
            Pattern.DOTALL);

    /**
     * Checks the values.
     *
     * @param query the SQL query, run in the restored database
     * @param comparison how its value must compare with {@code expected}
     * @param expected the expected value, a number or a text
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the query is blank or the comparison or
     *     expected value is missing
     */
    public SqlCheck {
        if (query == null || query.isBlank()) {
            throw invalid("has no query: give the SQL whose value to check");
        }
        if (comparison == null || expected == null) {
            throw invalid("'" + query + "' has no expected value: write it as QUERY >= VALUE");
        }
    }

    /**
     * A check of {@code query}'s value against {@code expected}.
     *
     * @param query the SQL query, run in the restored database
     * @param comparison how its value must compare with {@code expected}
     * @param expected the expected value, a number or a text
     * @return the check
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the query is blank or the comparison or
     *     expected value is missing
     */
    public static SqlCheck of(String query, Comparison comparison, String expected) {
        return new SqlCheck(query, comparison, expected);
    }

    /**
     * Reads a check written as {@code QUERY OP VALUE}, where OP is the last of {@code = != >= <= > <}
     * and VALUE has no spaces, e.g. {@code select count(*) from orders >= 1}.
     *
     * @param text the check as one line
     * @return the check
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the text does not end with a comparison
     */
    public static SqlCheck parse(String text) {
        Matcher matcher = ONE_LINE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw invalid("'" + text + "' does not end with a comparison: write it as QUERY >= VALUE,"
                    + " e.g. select count(*) from orders >= 1");
        }
        return new SqlCheck(matcher.group(1).strip(), Comparison.ofSymbol(matcher.group(2)), matcher.group(3));
    }

    /** {@code QUERY OP VALUE}. */
    @Override
    public String toString() {
        return query + " " + comparison.symbol() + " " + expected;
    }

    private static PlanBException invalid(String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "SQL check " + problem);
    }
}
