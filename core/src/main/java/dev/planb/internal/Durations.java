package dev.planb.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 4h}, {@code 1h 30m}, {@code 45s}, {@code 250ms}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

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

    /** Parses {@code 26h}, {@code 1d12h}, {@code 30m}, {@code 45s} or ISO-8601 {@code PT26H}; empty when {@code text} is neither. */
    public static Optional<Duration> parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        if (!trimmed.isEmpty() && matcher.matches()) {
            return Optional.of(Duration.ofDays(number(matcher.group(1))).plusHours(number(matcher.group(2)))
                    .plusMinutes(number(matcher.group(3))).plusSeconds(number(matcher.group(4))));
        }
        try {
            return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(text.isEmpty() ? "" : " ").append(amount).append(unit);
        }
    }
}
