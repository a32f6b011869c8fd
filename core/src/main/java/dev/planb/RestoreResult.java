package dev.planb;

import dev.planb.catalog.Manifest;
import dev.planb.engine.TableCount;
import java.util.List;

/**
 * The outcome of a restore.
 *
 * @param manifest the backup that was restored
 * @param restoredTables the tables and row counts found in the database after the restore
 * @param mismatches how the restored tables differ from the manifest's; empty when they match
 */
public record RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches) {

    /** Copies the lists. */
    public RestoreResult {
        restoredTables = List.copyOf(restoredTables);
        mismatches = List.copyOf(mismatches);
    }

    /** Whether every table has the row count the manifest recorded. */
    public boolean matchesManifest() {
        return mismatches.isEmpty();
    }
}
