package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/** Reads durations as people type them: {@code 7d}, {@code 36h}, {@code 2w}, {@code 1d12h}, or ISO-8601 {@code P7D}. */
final class DurationText implements ITypeConverter<Duration> {

    private static final Pattern WHOLE = Pattern.compile("(\\d+[wdhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([wdhms])");

    @Override
    public Duration convert(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "w" -> Duration.ofDays(7 * amount);
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            });
        }
        return total;
    }

    private static PlanBException invalid(String text) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "'" + text
                + "' is not a duration: use e.g. 7d, 36h, 2w, 1d12h or ISO-8601 like P7D");
    }
}
