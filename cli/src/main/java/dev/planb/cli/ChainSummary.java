/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.catalog.LogFileNames;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The log files shipped for one point-in-time chain, folded into one line of {@code planb list}
 * (and one object of its {@code --json}): how many, the first and last, until when, and every gap.
 *
 * @param files the distinct log files (a file shipped partially, then complete, counts once)
 * @param shipments the log backups, every shipment counted
 * @param storedBytes the bytes they take on storage
 * @param firstFile the first log file in log order
 * @param lastFile the last log file in log order
 * @param shippedUntil when the newest shipment's content was read: later transactions are not stored
 * @param gaps where files are missing: recovery cannot replay past the first one
 */
record ChainSummary(int files, int shipments, long storedBytes, String firstFile, String lastFile, Instant shippedUntil,
        List<Gap> gaps) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * A missing stretch of log.
     *
     * @param after the last file before it, or {@code null} when the chain's own first file is missing
     * @param next the next file shipped after it
     */
    record Gap(String after, String next) {
    }

    /**
     * Summarizes the log files of a chain.
     *
     * @param start the chain's first backup, or {@code null} when it is not on the destination
     * @param logs its log backups, at least one, in any order
     */
    static ChainSummary of(Manifest start, List<Manifest> logs) {
        LogInfo reference = start != null && start.log() != null ? start.log() : logs.get(0).log();
        String format = reference.format();
        long segmentSize = reference.segmentSize();
        Comparator<String> logOrder = (a, b) -> LogFileNames.compare(format, segmentSize, a, b);
        TreeSet<String> names = new TreeSet<>(logOrder);
        logs.forEach(log -> names.add(log.log().file()));
        String startFile = start != null && start.log() != null ? start.log().file() : null;
        List<Gap> gaps = new ArrayList<>();
        String previous = null;
        for (String name : startFile == null ? names : names.tailSet(startFile, true)) {
            if (previous == null ? startFile != null && !name.equals(startFile)
                    : !LogFileNames.follows(format, segmentSize, previous, name)) {
                gaps.add(new Gap(previous, name));
            }
            previous = name;
        }
        Instant until = logs.stream().map(Manifest::startedAt).max(Comparator.naturalOrder()).orElseThrow();
        return new ChainSummary(names.size(), logs.size(), logs.stream().mapToLong(Manifest::storedBytes).sum(),
                names.first(), names.last(), until, gaps);
    }

    /** The line {@code planb list} prints, e.g. {@code log: 8 files, A … B, shipped until 2026-11-25 10:00:30}. */
    String describe() {
        StringBuilder line = new StringBuilder("log: ").append(files).append(files == 1 ? " file, " : " files, ")
                .append(firstFile);
        if (files > 1) {
            line.append(" … ").append(lastFile);
        }
        line.append(", shipped until ").append(TIME.format(shippedUntil));
        for (Gap gap : gaps) {
            line.append(gap.after() == null ? ", GAP before " + gap.next() + " (the chain's first file is missing)"
                    : ", GAP after " + gap.after());
        }
        return line.toString();
    }
}
