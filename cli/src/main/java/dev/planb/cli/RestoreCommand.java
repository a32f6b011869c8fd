package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb restore}: a backup into a database, checked against its manifest. */
@Command(name = "restore", description = "Restore a backup into a database, then compare its tables with the manifest.")
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    BackupSelection selection;

    @Option(names = "--to-db", required = true, paramLabel = "JDBC_URL", description = "Database to restore into.")
    String targetUrl;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--force", description = "Replace the content of a database that already holds data.")
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
        RestoreResult result;
        try (ProgressDisplay progress = ProgressDisplay.on(err)) {
            result = PlanB.restore(RestoreRequest.builder()
                    .from(selection.destination())
                    .plan(selection.plan)
                    .backup(selection.backup)
                    .target(database.source(targetUrl))
                    .force(force)
                    .engine(load.engine(targetUrl))
                    .progress(progress)
                    .decryption(decryption.decryption())
                    .build());
        }
        long rows = result.restoredTables().stream().mapToLong(table -> table.rows()).sum();
        out.println("Restored backup " + result.manifest().backupId() + " of plan '" + result.manifest().plan()
                + "' into " + database.source(targetUrl).redactedUrl() + ": " + result.restoredTables().size()
                + " tables, " + rows + " rows");
        out.flush();
        if (!result.matchesManifest()) {
            result.mismatches().forEach(mismatch -> err.println("  " + mismatch));
            err.println("planb: the restored database does not match the backup's manifest (see above)");
            return ErrorCode.VERIFICATION_FAILED.exitCode();
        }
        out.println("Row counts match the manifest.");
        return 0;
    }
}
