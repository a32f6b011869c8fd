/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal;

import java.time.Duration;

/**
 * Durations written as people read them: {@code 4h}, {@code 1h 30m}, {@code 45s}, {@code 250ms}. Reading them
 * back is {@code dev.planb.config.DurationText}'s job, the one duration grammar.
 */
public final class Durations {

    private Durations() {
    }

    /** {@code duration} in days, hours, minutes and seconds (milliseconds below a second). */
    public static String format(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
