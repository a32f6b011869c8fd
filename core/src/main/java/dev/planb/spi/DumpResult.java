/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.List;

/**
 * What an engine reports about a dump it has written.
 *
 * @param serverVersion the database's version
 * @param dumpTool what made the dump
 * @param dumpToolVersion that tool's version
 * @param tables the tables and row counts, taken from the same snapshot as the dump
 * @param omitted what the dump leaves out although the database holds it, one line each (recorded in the
 *     manifest, shown as backup warnings and in {@code RESTORE.md})
 */
public record DumpResult(String serverVersion, String dumpTool, String dumpToolVersion, List<TableCount> tables,
        List<String> omitted) {

    /**
     * Copies the lists.
     *
     * @param serverVersion the database's version
     * @param dumpTool what made the dump
     * @param dumpToolVersion that tool's version
     * @param tables the tables and row counts of the dumped snapshot
     * @param omitted what the dump leaves out, one line each
     */
    public DumpResult {
        tables = List.copyOf(tables);
        omitted = List.copyOf(omitted);
    }

    /**
     * A dump that leaves nothing out.
     *
     * @param serverVersion the database's version
     * @param dumpTool what made the dump
     * @param dumpToolVersion that tool's version
     * @param tables the tables and row counts of the dumped snapshot
     */
    public DumpResult(String serverVersion, String dumpTool, String dumpToolVersion, List<TableCount> tables) {
        this(serverVersion, dumpTool, dumpToolVersion, tables, List.of());
    }
}
