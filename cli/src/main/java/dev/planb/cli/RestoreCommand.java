/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.files.RestoredFiles;
import dev.planb.pitr.PointInTimeRequest;
import dev.planb.pitr.PointInTimeResult;
import dev.planb.spi.RecoveryTarget;
import dev.planb.spi.support.Sizes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb restore}: a backup into a database, checked against its manifest. */
@Command(name = "restore", description = {"Restore a backup into a database and/or its files into a folder.",
    "Then compares them with the manifest. With --at (or --to-data-dir), restore a streamed plan to a point in time."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    BackupSelection selection;

    @Option(names = "--to-db", paramLabel = "JDBC_URL", description = "Database to restore into (leave out to restore files only).")
    String targetUrl;

    @Option(names = "--at", paramLabel = "TIME", description = {"Point-in-time restore of a plan 'planb stream' protects:"
            + " latest, 2026-12-05T07:12:00Z, '2026-12-05 07:12:00' (UTC), '5m ago' or lsn:0/3000060 (PostgreSQL)."})
    String at;

    @Option(names = "--to-data-dir", paramLabel = "DIR", description = "PostgreSQL point-in-time restore: the new data"
            + " directory to make (absent or empty), recovered and ready for pg_ctl -D DIR start.")
    Path dataDirectory;

    @Mixin
    FilesRestoreOptions files;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--force", description = "Replace the content of a database that already holds data; write files into a folder that is not empty.")
    boolean force;

    @Option(names = "--table", paramLabel = "TABLE", description = {"Restore only this table (repeatable), named as"
            + " the manifest and 'planb list --table' name it: structure, rows, its sequences/identity; beside the live"
            + " table as <table>_restored_<backup id> unless --as, --into-schema or --replace says otherwise."})
    List<String> tables = new ArrayList<>();

    @Option(names = "--as", paramLabel = "SUFFIX", description = "With --table: name the restored tables <table>SUFFIX, e.g. --as _before.")
    String tablesSuffix;

    @Option(names = "--into-schema", paramLabel = "NAME", description = "With --table: restore into this schema"
            + " (MariaDB/MySQL: database on the same server) under the tables' own names; created if absent.")
    String intoSchema;

    @Option(names = "--replace", description = {"With --table: put the backup's rows into the live tables of the same"
            + " names (a table that is gone is recreated); refuses a live table that has rows unless --force."})
    boolean replace;

    @Mixin
    DecryptionOptions decryption;

    @Mixin
    LoadOptions load;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (at != null || dataDirectory != null) {
            return restoreToPoint(out, err);
        }
        if (targetUrl == null && !files.requested()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore needs --to-db JDBC_URL, --files-to DIR, or both");
        }
        RestoreResult result;
        try (ProgressDisplay progress = ProgressDisplay.on(err)) {
            result = PlanB.restore(files.applyTo(RestoreRequest.builder())
                    .from(selection.destination())
                    .plan(selection.plan().orElse(null))
                    .backup(selection.backup)
                    .target(targetUrl == null ? null : database.source(targetUrl))
                    .force(force)
                    .tables(tables)
                    .tablesSuffix(tablesSuffix)
                    .intoSchema(intoSchema)
                    .replace(replace)
                    .engine(load.engine(targetUrl))
                    .progress(progress)
                    .decryption(decryption.decryption())
                    .build());
        }
        if (!result.singleTables().isEmpty()) {
            result.singleTables().forEach(table -> out.println("Restored table " + table.table() + " of backup "
                    + result.manifest().backupId() + " as " + table.restoredAs() + ": " + table.rows() + " rows"));
            out.println("Row counts match the manifest; no other table was touched.");
            out.flush();
            return 0;
        }
        if (targetUrl != null) {
            long rows = result.restoredTables().stream().mapToLong(table -> table.rows()).sum();
            out.println("Restored backup " + result.manifest().backupId() + " of plan '" + result.manifest().plan()
                    + "' into " + database.source(targetUrl).redactedUrl() + ": " + result.restoredTables().size()
                    + " tables, " + rows + " rows");
            result.tablesNotInBackup().forEach(table -> err.println("  note: table " + table
                    + " is not in the backup; the restore left it as it was"));
        }
        for (RestoredFiles restored : result.files()) {
            out.println("Restored files '" + restored.source() + "' of backup " + result.manifest().backupId()
                    + " into " + restored.directory() + ": " + restored.files() + " files, " + Sizes.format(restored.bytes()));
            restored.warnings().forEach(warning -> err.println("  WARNING " + warning));
        }
        out.flush();
        if (!result.matchesManifest()) {
            result.mismatches().forEach(mismatch -> err.println("  " + mismatch));
            err.println("planb: what was restored does not match the backup's manifest (see above)");
            return ErrorCode.VERIFICATION_FAILED.exitCode();
        }
        out.println(targetUrl == null ? "File counts and sizes match the manifest."
                : "Row counts match the manifest." + (result.files().isEmpty() ? "" : " File counts and sizes match too."));
        return 0;
    }

    private int restoreToPoint(PrintWriter out, PrintWriter err) {
        if (!"latest".equals(selection.backup) || files.requested()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--at restores a plan's log chain: leave out --backup"
                    + " and the files options (restore a single backup without --at)");
        }
        RecoveryTarget target = RecoveryTarget.parse(at == null ? "latest" : at, Instant.now());
        PointInTimeResult result = PlanB.restoreToPoint(PointInTimeRequest.builder()
                .from(selection.destination())
                .plan(selection.plan().orElse(null))
                .target(target)
                .dataDirectory(dataDirectory)
                .database(targetUrl == null ? null : database.source(targetUrl))
                .force(force)
                .engine(targetUrl != null ? load.engine(targetUrl) : load.tools.tools != null ? load.engine("jdbc:postgresql:") : null)
                .decryption(decryption.decryption())
                .build());
        result.warnings().forEach(warning -> err.println("  WARNING " + warning));
        out.println("Restored plan '" + result.base().plan() + "' to " + target + " into " + result.restoredInto()
                + " from backup " + result.base().backupId() + " and " + result.logs().size() + " log file(s)");
        out.println("Reached: " + result.point().reached().map(Instant::toString).orElse("the base backup (no later transaction)"));
        out.println(result.point().detail());
        if (dataDirectory != null) {
            out.println("Start it with: pg_ctl -D " + dataDirectory + " start (as the user that runs PostgreSQL)");
        }
        out.flush();
        err.flush();
        return 0;
    }
}
