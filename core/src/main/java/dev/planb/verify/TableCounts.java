/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.spi.TableCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compares the tables and row counts of a restore with those its manifest records. */
public final class TableCounts {

    private TableCounts() {
    }

    /**
     * How {@code actual} differs from {@code expected}, one line per table: missing tables, other row
     * counts, and tables {@code expected} does not hold (a drill's scratch database holds only what the
     * backup restored, so any other table is a difference there).
     *
     * @param expected the tables and row counts the manifest records
     * @param actual the tables and row counts found in the restored database
     * @return one line per difference, empty when they match
     */
    public static List<String> compare(List<TableCount> expected, List<TableCount> actual) {
        List<String> mismatches = missingOrDifferent(expected, actual);
        notInManifest(expected, actual).stream().map(name -> "table " + name + " is not in the manifest")
                .forEach(mismatches::add);
        return mismatches;
    }

    /**
     * How the tables {@code expected} holds differ in {@code actual}: missing, or other row counts. What a
     * restore into an existing database compares: its other tables are not the backup's.
     *
     * @param expected the tables and row counts the manifest records
     * @param actual the tables and row counts found in the restored database
     * @return one line per missing table or other row count, empty when they match
     */
    public static List<String> missingOrDifferent(List<TableCount> expected, List<TableCount> actual) {
        Map<String, Long> actualRows = actual.stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows, (a, b) -> a));
        List<String> mismatches = new ArrayList<>();
        for (TableCount table : expected) {
            Long rows = actualRows.get(table.table());
            if (rows == null) {
                mismatches.add("table " + table.table() + " is missing (manifest: " + table.rows() + " rows)");
            } else if (rows != table.rows()) {
                mismatches.add("table " + table.table() + " has " + rows + " rows, the manifest records " + table.rows());
            }
        }
        return mismatches;
    }

    /**
     * The tables of {@code actual} that {@code expected} does not hold: in a restore target that
     * already existed, tables the backup never had, which a restore leaves as they were.
     *
     * @param expected the tables the manifest records
     * @param actual the tables found in the restored database
     * @return the names of the extra tables, in {@code actual}'s order
     */
    public static List<String> notInManifest(List<TableCount> expected, List<TableCount> actual) {
        Map<String, Long> expectedRows = expected.stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows, (a, b) -> a));
        return actual.stream().map(TableCount::table).filter(name -> !expectedRows.containsKey(name)).toList();
    }
}
