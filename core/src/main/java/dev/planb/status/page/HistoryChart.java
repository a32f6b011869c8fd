/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

import dev.planb.history.PlanHistory;
import dev.planb.spi.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the status page charts of a plan's recent backups ({@link PlanHistory}), oldest first: each backup's stored
 * size, duration and tables' row counts, and the marks drawn over them (destructive changes, holds, drills,
 * failures).
 *
 * @param backups the recent full backups (not log segments), oldest first
 * @param marks what happened between or at those backups
 */
record HistoryChart(List<Point> backups, List<Mark> marks) {

    /** One backup: its id, when, bytes stored, how long it took, and each table's rows. */
    record Point(String id, Instant time, long storedBytes, Duration duration, Map<String, Long> rows) {
    }

    /** What a mark means; its colour on the chart. */
    enum Kind {
        DESTRUCTIVE_CHANGE("#bc4c00"), HOLD("#0a7e76"), DRILL_PASSED("#1a7f37"), DRILL_FAILED("#cf222e"),
        FAILURE("#cf222e");

        final String colour;

        Kind(String colour) {
            this.colour = colour;
        }
    }

    /**
     * A mark at a position on the time axis: {@code at} is a backup's index, or half-way between two
     * (a failure between backups).
     */
    record Mark(double at, Kind kind, String label) {
    }

    /** The chart of {@code history} (oldest first, as {@link PlanHistory#read} gives it), with no marks yet. */
    static HistoryChart of(List<PlanHistory.Entry> history) {
        return new HistoryChart(history.stream().map(entry -> new Point(entry.id().toString(), entry.id().time(),
                entry.storedBytes(), entry.duration(), rows(entry.tables()))).toList(), List.of());
    }

    private static Map<String, Long> rows(List<TableCount> tables) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (TableCount table : tables) {
            rows.put(table.table(), table.rows());
        }
        return rows;
    }

    /**
     * This history with a mark of {@code kind} at the backup with {@code id}; unchanged when that backup is not in it
     * or already has a mark of that kind.
     */
    HistoryChart markBackup(String id, Kind kind, String label) {
        for (int i = 0; i < backups.size(); i++) {
            int at = i;
            if (backups.get(i).id().equals(id)
                    && marks.stream().noneMatch(mark -> mark.at() == at && mark.kind() == kind)) {
                return with(new Mark(i, kind, label));
            }
        }
        return this;
    }

    /** This history with a mark at {@code time}: after the backups taken before it; unchanged before the first. */
    HistoryChart markTime(Instant time, Kind kind, String label) {
        if (backups.isEmpty() || time.isBefore(backups.get(0).time())) {
            return this;
        }
        int before = (int) backups.stream().filter(point -> !point.time().isAfter(time)).count();
        return with(new Mark(before - 0.5, kind, label));
    }

    private HistoryChart with(Mark mark) {
        List<Mark> all = new ArrayList<>(marks);
        all.add(mark);
        return new HistoryChart(backups, List.copyOf(all));
    }

    /**
     * The tables to chart, at most {@code limit}: those that lost the largest share of their rows
     * first (a dropped table lost them all), then the largest.
     */
    List<String> tables(int limit) {
        Set<String> names = new LinkedHashSet<>();
        backups.forEach(point -> names.addAll(point.rows().keySet()));
        return names.stream().sorted(Comparator.comparingDouble(this::loss).reversed()
                .thenComparing(Comparator.comparingLong(this::most).reversed()).thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** A table's rows per backup, 0 where the backup does not have it. */
    double[] rows(String table) {
        return backups.stream().mapToDouble(point -> point.rows().getOrDefault(table, 0L)).toArray();
    }

    private double loss(String table) {
        double[] rows = rows(table);
        double peak = 0;
        double loss = 0;
        for (double value : rows) {
            peak = Math.max(peak, value);
            if (peak > 0) {
                loss = Math.max(loss, (peak - value) / peak);
            }
        }
        return loss;
    }

    private long most(String table) {
        return (long) java.util.Arrays.stream(rows(table)).max().orElse(0);
    }
}
