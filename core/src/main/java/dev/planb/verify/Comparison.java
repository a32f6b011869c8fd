/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/** How a check's actual value is compared with the expected one: numerically when both are numbers. */
public enum Comparison {
    /** Equal. */
    EQUAL("="),
    /** Not equal. */
    NOT_EQUAL("!="),
    /** At least the expected value. */
    AT_LEAST(">="),
    /** At most the expected value. */
    AT_MOST("<="),
    /** Greater than the expected value. */
    GREATER(">"),
    /** Less than the expected value. */
    LESS("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** {@return how it is written: {@code =}, {@code !=}, {@code >=}, {@code <=}, {@code >} or {@code <}} */
    public String symbol() {
        return symbol;
    }

    /**
     * The comparison written as {@code symbol}.
     *
     * @param symbol one of {@code = != >= <= > <}
     * @return the comparison
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the symbol is none of them
     */
    public static Comparison ofSymbol(String symbol) {
        return Arrays.stream(values()).filter(comparison -> comparison.symbol.equals(symbol)).findFirst()
                .orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING, "check comparison '" + symbol
                        + "' is unknown: use one of = != >= <= > <"));
    }

    /**
     * Whether {@code actual} compares with {@code expected} this way. Numbers compare as numbers;
     * other values only with {@code =} and {@code !=}, as text; a {@code null} actual value is
     * written {@code null}.
     *
     * @param actual the value a check's query returned, or {@code null}
     * @param expected the value it is compared with
     * @return whether {@code actual} compares with {@code expected} this way; false for an order comparison of
     *     values that are not both numbers
     */
    public boolean holds(String actual, String expected) {
        BigDecimal actualNumber = number(actual);
        BigDecimal expectedNumber = number(expected);
        if (actualNumber == null || expectedNumber == null) {
            boolean equal = Objects.equals(actual == null ? "null" : actual, expected);
            return this == EQUAL ? equal : this == NOT_EQUAL && !equal;
        }
        int order = actualNumber.compareTo(expectedNumber);
        return switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case AT_LEAST -> order >= 0;
            case AT_MOST -> order <= 0;
            case GREATER -> order > 0;
            case LESS -> order < 0;
        };
    }

    private static BigDecimal number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
