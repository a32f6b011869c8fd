package dev.planb.spi;

import java.util.List;

/**
 * What an engine reports about a dump it has written.
 *
 * @param serverVersion the database's version
 * @param dumpTool what made the dump
 * @param dumpToolVersion that tool's version
 * @param tables the tables and row counts, taken from the same snapshot as the dump
 */
public record DumpResult(String serverVersion, String dumpTool, String dumpToolVersion, List<TableCount> tables) {

    /** Copies the list. */
    public DumpResult {
        tables = List.copyOf(tables);
    }
}
