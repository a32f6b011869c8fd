/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.internal.Durations;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PlanB's one duration grammar, used by the configuration model, the command line and the Spring
 * Boot starter alike: whole numbers with a unit, combined from the largest unit down, or ISO-8601.
 *
 * <pre>
 * 30s   15m   36h   7d   2w   1d12h   1h 30m   250ms   PT6H   P7D
 * </pre>
 *
 * <p>Units: {@code w} (7 days), {@code d} (24 hours), {@code h}, {@code m}, {@code s}, {@code ms}.
 * {@link #format(Duration)} writes what {@link #parse(String)} reads.
 */
public final class DurationText {

    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|w|d|h|m|s)\\s*)+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|w|d|h|m|s)");

    private DurationText() {
    }

    /**
     * Reads {@code text}.
     *
     * @param text e.g. {@code 7d}, {@code 1d12h}, {@code 30s} or ISO-8601 such as {@code P7D}
     * @return the duration
     * @throws IllegalArgumentException saying what is accepted, when {@code text} is not a duration
     */
    public static Duration parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not a duration: use e.g. 7d, 36h, 2w, 1d12h, 30s or ISO-8601 like P7D"));
    }

    /**
     * Reads {@code text}, without throwing.
     *
     * @param text e.g. {@code 7d}, {@code 1d12h}, {@code 30s} or ISO-8601 such as {@code P7D}; may be {@code null}
     * @return the duration; empty when {@code text} is not a duration, is {@code null} or blank
     */
    public static Optional<Duration> tryParse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("p") || value.startsWith("-p")) {
            try {
                return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (value.isEmpty() || !WHOLE.matcher(value).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "w" -> Duration.ofDays(Math.multiplyExact(7, amount));
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "ms" -> Duration.ofMillis(amount);
                    default -> Duration.ofSeconds(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException tooLong) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /**
     * Writes {@code duration} for people.
     *
     * @param duration the duration
     * @return it in days, hours, minutes and seconds, e.g. {@code 1d 12h} (milliseconds below a second)
     */
    public static String format(Duration duration) {
        return Durations.format(duration);
    }
}
