package dev.planb;

import dev.planb.files.RestoredFiles;
import dev.planb.spi.Manifest;
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
 */
public record RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches,
        List<RestoredFiles> files) {

    /** Copies the lists. */
    public RestoreResult {
        restoredTables = List.copyOf(restoredTables);
        mismatches = List.copyOf(mismatches);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The result of a database restore without files. */
    public RestoreResult(Manifest manifest, List<TableCount> restoredTables, List<String> mismatches) {
        this(manifest, restoredTables, mismatches, List.of());
    }

    /**
     * The tables found in the target that the backup does not hold: a forced restore into an existing
     * database leaves them as they were. Not a mismatch; worth telling the user.
     */
    public List<String> tablesNotInBackup() {
        return TableCounts.notInManifest(manifest.tables(), restoredTables);
    }

    /** Whether every table has the row count, and every files source the file count and size, the manifest recorded. */
    public boolean matchesManifest() {
        return mismatches.isEmpty();
    }
}
