/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Objects;

/**
 * A table and its number of rows at backup time.
 *
 * @param table the table's name, qualified with its schema when not in the default schema
 * @param rows the number of rows
 */
public record TableCount(String table, long rows) {

    /**
     * Validates the values.
     *
     * @param table the table's name
     * @param rows the number of rows, not negative
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public TableCount {
        Objects.requireNonNull(table, "table");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
    }
}
