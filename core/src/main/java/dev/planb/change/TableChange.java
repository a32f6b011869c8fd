/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.change;

import java.util.Objects;

/**
 * How one table changed between two backups of a plan, as their manifests' row counts tell it.
 *
 * @param table the table's name as the manifests record it (qualified with its schema outside the default one)
 * @param rowsBefore the rows in the earlier backup
 * @param rowsAfter the rows in the later backup; 0 when the table is gone
 * @param dropped whether the table is missing from the later backup
 */
public record TableChange(String table, long rowsBefore, long rowsAfter, boolean dropped) {

    /**
     * Checks the values.
     *
     * @param table the table's name as the manifests record it
     * @param rowsBefore the rows in the earlier backup
     * @param rowsAfter the rows in the later backup; 0 when the table is gone
     * @param dropped whether the table is missing from the later backup
     * @throws IllegalArgumentException when a row count is negative
     */
    public TableChange {
        Objects.requireNonNull(table, "table");
        if (rowsBefore < 0 || rowsAfter < 0) {
            throw new IllegalArgumentException("row counts must not be negative: " + table);
        }
    }

    /** {@return the share of rows lost, in percent: 100 for a dropped table, 0 when it had no rows or grew} */
    public double lossPercent() {
        if (dropped) {
            return 100;
        }
        return rowsBefore == 0 ? 0 : Math.max(0, rowsBefore - rowsAfter) * 100.0 / rowsBefore;
    }

    /**
     * {@return one line for logs and alerts, e.g. {@code orders: 12000 -> 3 rows (-99.9%)} or {@code orders:
     * 12000 rows -> DROPPED}}
     */
    public String describe() {
        if (dropped) {
            return table + ": " + rowsBefore + " rows -> DROPPED";
        }
        return table + ": " + rowsBefore + " -> " + rowsAfter + " rows (-" + String.format(java.util.Locale.ROOT,
                "%.1f", lossPercent()) + "%)";
    }
}
