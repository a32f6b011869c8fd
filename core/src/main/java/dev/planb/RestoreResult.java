/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.files.RestoredFiles;
import dev.planb.spi.Manifest;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.TableCount;
import dev.planb.verify.TableCounts;
import java.util.List;

/**
 * The outcome of a restore.
 *
 * @param manifest the backup that was restored
 * @param restoredTables the tables and row counts found in the database after the restore
 *     (empty when only files were restored)
 * @param mismatches how the restored tables and files differ from the manifest's; empty when they match
 * @param files what was restored of each files source (empty when no files were restored)
 * @param singleTables for a table-level restore, each table with the name it was restored under (then
 *     {@code restoredTables} holds the same tables under those names); empty otherwise
 */
public record RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches,
        List<RestoredFiles> files, List<RestoredTable> singleTables) {

    /**
     * Copies the lists.
     *
     * @param manifest the backup that was restored
     * @param restoredTables the tables and row counts found in the database after the restore
     * @param mismatches how the restored tables and files differ from the manifest's
     * @param files what was restored of each files source; null for none
     * @param singleTables for a table-level restore, each table with the name it was restored under; null for none
     */
    public RestoreResult {
        restoredTables = List.copyOf(restoredTables);
        mismatches = List.copyOf(mismatches);
        files = files == null ? List.of() : List.copyOf(files);
        singleTables = singleTables == null ? List.of() : List.copyOf(singleTables);
    }

    /**
     * The result of a database and/or files restore.
     *
     * @param manifest the backup that was restored
     * @param restoredTables the tables and row counts found in the database after the restore
     * @param mismatches how the restored tables and files differ from the manifest's
     * @param files what was restored of each files source; null for none
     */
    public RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches,
            List<RestoredFiles> files) {
        this(manifest, restoredTables, mismatches, files, List.of());
    }

    /**
     * The result of a table-level restore: every table's count matched the manifest's.
     *
     * @param manifest the backup the tables came from
     * @param tables each restored table with the name it was restored under and its rows
     * @return a result without mismatches, whose {@code restoredTables} are the tables under their new names
     */
    public static RestoreResult ofTables(Manifest manifest, List<RestoredTable> tables) {
        return new RestoreResult(manifest, tables.stream().map(table -> new TableCount(table.restoredAs(), table.rows()))
                .toList(), List.of(), List.of(), tables);
    }

    /**
     * The result of a database restore without files.
     *
     * @param manifest the backup that was restored
     * @param restoredTables the tables and row counts found in the database after the restore
     * @param mismatches how the restored tables differ from the manifest's
     */
    public RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches) {
        this(manifest, restoredTables, mismatches, List.of());
    }

    /**
     * {@return the tables found in the target that the backup does not hold; empty for a table-level restore} A
     * forced restore into an existing database leaves them as they were. Not a mismatch; worth telling the user.
     */
    public List<String> tablesNotInBackup() {
        if (!singleTables.isEmpty()) {
            return List.of();
        }
        return TableCounts.notInManifest(manifest.tables(), restoredTables);
    }

    /**
     * {@return whether every table has the row count, and every files source the file count and size, the manifest
     * recorded}
     */
    public boolean matchesManifest() {
        return mismatches.isEmpty();
    }
}
