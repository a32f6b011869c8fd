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

    /** How {@code actual} differs from {@code expected}, one line per table. */
    public static List<String> compare(List<TableCount> expected, List<TableCount> actual) {
        Map<String, Long> actualRows = actual.stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows, (a, b) -> a));
        Map<String, Long> expectedRows = expected.stream()
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
        actual.stream().map(TableCount::table).filter(name -> !expectedRows.containsKey(name))
                .map(name -> "table " + name + " is not in the manifest")
                .forEach(mismatches::add);
        return mismatches;
    }
}
