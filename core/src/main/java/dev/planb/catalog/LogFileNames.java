/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order of transaction-log file names, and whether one file directly follows another: what
 * finds a gap in a shipped log ({@link dev.planb.spi.Manifest.LogInfo#file()}).
 *
 * <ul>
 *   <li>{@code wal} (PostgreSQL): {@code TTTTTTTTHHHHHHHHLLLLLLLL}, 24 hex digits: the timeline, then
 *       the segment number as high and low parts, {@code segno = high * (0x100000000 / segmentSize) + low}.
 *       A file follows another on the same timeline whose segment number is one less.</li>
 *   <li>{@code binlog} (MariaDB/MySQL): {@code base.NNNNNN}; a file follows the one with the same base
 *       and a number one less.</li>
 * </ul>
 *
 * <p>Names that do not match their format sort by their text after the ones that do, and follow nothing.
 *
 * <pre>{@code
 * LogFileNames.follows("wal", "0000000100000000000000FF", "000000010000000100000000"); // true with 16 MiB segments
 * }</pre>
 */
public final class LogFileNames {

    /** PostgreSQL's default WAL segment size, used when a manifest records none. */
    public static final long DEFAULT_WAL_SEGMENT_SIZE = 16L * 1024 * 1024;

    private static final String WAL = "wal";
    private static final String BINLOG = "binlog";
    private static final Pattern WAL_NAME = Pattern.compile("([0-9A-Fa-f]{8})([0-9A-Fa-f]{8})([0-9A-Fa-f]{8})");
    private static final Pattern BINLOG_NAME = Pattern.compile("(.+)\\.([0-9]{1,18})");

    private LogFileNames() {
    }

    /**
     * Whether {@code next} directly follows {@code previous} in the log, with the default WAL segment size.
     *
     * @param format {@code wal} or {@code binlog}
     * @param previous the earlier file's name
     * @param next the later file's name
     * @return whether nothing is missing between them; false when either name does not match the format
     */
    public static boolean follows(String format, String previous, String next) {
        return follows(format, DEFAULT_WAL_SEGMENT_SIZE, previous, next);
    }

    /**
     * Whether {@code next} directly follows {@code previous} in the log.
     *
     * @param format {@code wal} or {@code binlog}
     * @param segmentSize the WAL segment size in bytes ({@link dev.planb.spi.Manifest.LogInfo#segmentSize()}); 0 or an
     *     invalid size means the default; ignored for binlogs
     * @param previous the earlier file's name
     * @param next the later file's name
     * @return whether nothing is missing between them; false when either name does not match the format
     */
    public static boolean follows(String format, long segmentSize, String previous, String next) {
        Position a = position(format, segmentSize, previous);
        Position b = position(format, segmentSize, next);
        return a != null && b != null && a.series().equals(b.series()) && b.number() == a.number() + 1;
    }

    /**
     * Compares two names in log order, as {@link #compare(String, long, String, String)} does, with the default
     * WAL segment size.
     *
     * @param format {@code wal} or {@code binlog}
     * @param a a file's name
     * @param b another file's name
     * @return negative when {@code a} comes first, 0 when they are at the same place, positive otherwise
     */
    public static int compare(String format, String a, String b) {
        return compare(format, DEFAULT_WAL_SEGMENT_SIZE, a, b);
    }

    /**
     * Compares two names in log order: by timeline (or binlog base name), then by segment (or file)
     * number; names that do not match the format come last, by text.
     *
     * @param format {@code wal} or {@code binlog}
     * @param segmentSize the WAL segment size in bytes; 0 or an invalid size means the default; ignored for
     *     binlogs
     * @param a a file's name
     * @param b another file's name
     * @return negative when {@code a} comes first, 0 when they are at the same place, positive otherwise
     */
    public static int compare(String format, long segmentSize, String a, String b) {
        Position pa = position(format, segmentSize, a);
        Position pb = position(format, segmentSize, b);
        if (pa == null || pb == null) {
            return pa != null ? -1 : pb != null ? 1 : a.compareTo(b);
        }
        int bySeries = pa.series().compareTo(pb.series());
        return bySeries != 0 ? bySeries : Long.compare(pa.number(), pb.number());
    }

    /** Where a name sits: its series (timeline or base name) and its number in it; null when it does not parse. */
    private static Position position(String format, long segmentSize, String name) {
        if (name == null) {
            return null;
        }
        if (WAL.equals(format)) {
            Matcher wal = WAL_NAME.matcher(name);
            if (!wal.matches()) {
                return null;
            }
            long size = validSegmentSize(segmentSize);
            long high = Long.parseLong(wal.group(2), 16);
            long low = Long.parseLong(wal.group(3), 16);
            return new Position(wal.group(1).toUpperCase(), high * (0x100000000L / size) + low);
        }
        if (BINLOG.equals(format)) {
            Matcher binlog = BINLOG_NAME.matcher(name);
            return binlog.matches() ? new Position(binlog.group(1), Long.parseLong(binlog.group(2))) : null;
        }
        return null;
    }

    /** PostgreSQL allows powers of two from 1 MiB to 1 GiB. */
    private static long validSegmentSize(long size) {
        return size >= 1024 * 1024 && size <= 1024L * 1024 * 1024 && Long.bitCount(size) == 1
                ? size : DEFAULT_WAL_SEGMENT_SIZE;
    }

    private record Position(String series, long number) {
    }
}
