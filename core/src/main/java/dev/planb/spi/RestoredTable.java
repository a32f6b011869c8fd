/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Objects;

/**
 * A table a table-level restore put back.
 *
 * @param table the table's name in the backup, as the manifest names it
 * @param restoredAs the name it was restored under, qualified as the engine names tables
 * @param rows the rows it holds now, equal to the manifest's count
 */
public record RestoredTable(String table, String restoredAs, long rows) {

    /**
     * Validates the values.
     *
     * @param table the table's name in the backup
     * @param restoredAs the name it was restored under
     * @param rows the rows it holds now
     * @throws NullPointerException if a name is null
     */
    public RestoredTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(restoredAs, "restoredAs");
    }
}
