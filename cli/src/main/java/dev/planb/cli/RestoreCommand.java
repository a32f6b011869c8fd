package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.PlanBException;
import dev.planb.RestoreResult;
import dev.planb.files.RestoredFiles;
import dev.planb.internal.Sizes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb restore}: a backup into a database, checked against its manifest. */
@Command(name = "restore", description = {"Restore a backup into a database and/or its files into a folder.",
    "Then compares them with the manifest."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    BackupSelection selection;

    @Option(names = "--to-db", paramLabel = "JDBC_URL", description = "Database to restore into (leave out to restore files only).")
    String targetUrl;

    @Mixin
    FilesRestoreOptions files;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--force", description = "Replace the content of a database that already holds data; write files into a folder that is not empty.")
    boolean force;

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
        if (targetUrl == null && !files.requested()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "restore needs --to-db JDBC_URL, --files-to DIR, or both");
        }
        RestoreResult result;
        try (ProgressDisplay progress = ProgressDisplay.on(err)) {
            result = PlanB.restore(files.applyTo(RestoreRequest.builder())
                    .from(selection.destination())
                    .plan(selection.plan)
                    .backup(selection.backup)
                    .target(targetUrl == null ? null : database.source(targetUrl))
                    .force(force)
                    .engine(load.engine(targetUrl))
                    .progress(progress)
                    .decryption(decryption.decryption())
                    .build());
        }
        if (targetUrl != null) {
            long rows = result.restoredTables().stream().mapToLong(table -> table.rows()).sum();
            out.println("Restored backup " + result.manifest().backupId() + " of plan '" + result.manifest().plan()
                    + "' into " + database.source(targetUrl).redactedUrl() + ": " + result.restoredTables().size()
                    + " tables, " + rows + " rows");
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
}
