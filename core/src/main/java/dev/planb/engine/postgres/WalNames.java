package dev.planb.engine.postgres;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * WAL segment file names: 8 hex digits of timeline, then the segment number as two groups of 8 hex
 * digits ({@code 000000010000000A000000FF}); the low group counts up to 4 GiB / segment size, a power
 * of two from 4 (1 GiB segments) to 4096 (1 MiB segments), before the high group goes up.
 */
final class WalNames {

    /** Log order: timeline, then segment number; the fixed-width hex names sort that way. */
    static final Comparator<String> ORDER = Comparator.naturalOrder();

    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private WalNames() {
    }

    /** Whether {@code name} is a WAL segment's file name. */
    static boolean isSegment(String name) {
        return SEGMENT.matcher(name).matches();
    }

    /** Whether {@code next} is the segment right after {@code previous} on the same timeline. */
    static boolean follows(String previous, String next) {
        if (!isSegment(previous) || !isSegment(next) || !previous.substring(0, 8).equals(next.substring(0, 8))) {
            return false;
        }
        long previousHigh = Long.parseLong(previous.substring(8, 16), 16);
        long previousLow = Long.parseLong(previous.substring(16, 24), 16);
        long nextHigh = Long.parseLong(next.substring(8, 16), 16);
        long nextLow = Long.parseLong(next.substring(16, 24), 16);
        if (nextHigh == previousHigh) {
            return nextLow == previousLow + 1;
        }
        long perHigh = previousLow + 1; // the previous segment was the last of its group if this is 4 GiB / size
        return nextHigh == previousHigh + 1 && nextLow == 0 && perHigh >= 4 && perHigh <= 4096
                && Long.bitCount(perHigh) == 1;
    }
}
