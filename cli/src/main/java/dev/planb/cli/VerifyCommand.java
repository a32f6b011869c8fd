/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.crypto.Decryption;
import dev.planb.drill.PointInTimeVerifier;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.Manifest;
import dev.planb.spi.RecoveryTarget;
import dev.planb.verify.CheckOutcome;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.PointInTimeDrill;
import dev.planb.verify.SqlCheck;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb verify}: checksums, and with {@code --restore-to} a restore drill on that server. */
@Command(name = "verify", description = {"Check a backup's checksums; with --restore-to, drill it.",
    "A drill restores the backup into a scratch database PlanB creates and drops on that server, compares row"
        + " counts and runs the checks."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    BackupSelection selection;

    @Option(names = "--restore-to", paramLabel = "JDBC_URL", description = "Server to drill on: PlanB creates"
            + " planb_verify_<random> there and drops it afterwards; the URL's database is only used to connect."
            + " For SQLite and H2, a temporary file is used.")
    String restoreTo;

    @Option(names = "--check", paramLabel = "'QUERY OP VALUE'", description = "SQL check on the restored database,"
            + " e.g. 'select count(*) from orders >= 1' (OP: = != >= <= > <); repeatable.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--fingerprint", paramLabel = "TABLE", description = "Record the ordered hash of this small"
            + " table's primary keys, compared with earlier drills of the backup; repeatable.")
    List<String> fingerprints = new ArrayList<>();

    @Option(names = "--at", paramLabel = "TIME", description = "Drill a point-in-time restore of a streamed plan to"
            + " TIME ('5m ago', 2026-12-05T07:12:00Z, latest): PostgreSQL recovers a scratch data directory, MariaDB/MySQL"
            + " a scratch database on the --restore-to server. Needs --db.")
    String at;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "With --at: the live database; its user and password"
            + " (--user, --password-env) read the restored copy.")
    String live;

    @Mixin
    DatabaseOptions database;

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
        VerificationRequest.Builder request = VerificationRequest.builder().plan(selection.plan().orElse(null))
                .backup(selection.backup).fingerprints(fingerprints);
        checks.stream().map(SqlCheck::parse).forEach(request::check);
        if (restoreTo != null) {
            request.drillOn(database.source(restoreTo)).engine(load.engine(restoreTo));
        }
        Decryption key = decryption.decryption();
        if (at != null) {
            return drillPointInTime(out, err, key);
        }
        VerificationResult result = new RestoreVerifier(selection.destination(), key).verify(request.build());
        print(out, result, key);
        String name = "backup " + result.manifest().backupId() + " of plan '" + result.manifest().plan() + "'";
        if (!result.passed()) {
            err.println("planb: " + name + " FAILED verification: " + String.join("; ", result.problems()));
            err.flush();
            return (result.restoredInto() == null ? ErrorCode.CORRUPT_BACKUP : ErrorCode.VERIFICATION_FAILED).exitCode();
        }
        out.println(name + " is sound");
        out.flush();
        return 0;
    }

    private int drillPointInTime(PrintWriter out, PrintWriter err, Decryption key) {
        if (live == null || !"latest".equals(selection.backup) || !fingerprints.isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "verify --at drills a plan's log chain: give the live"
                    + " database with --db (its user and password read the restored copy); leave out --backup and --fingerprint");
        }
        PointInTimeDrill drill = PointInTimeDrill.of(selection.plan().orElse(null),
                RecoveryTarget.parse(at, Instant.now()), database.source(live))
                .withChecks(checks.stream().map(SqlCheck::parse).toList());
        if (restoreTo != null) {
            drill = drill.drillOn(database.source(restoreTo));
        }
        VerificationResult result = new PointInTimeVerifier(selection.destination(), key, Clock.systemUTC()).verify(drill);
        result.checkedArtifacts().forEach(artifact -> out.println("checksum OK  " + artifact));
        result.recovery().ifPresent(recovery -> out.printf("restore OK   %s (removed afterwards): %d tables%n",
                result.restoredInto(), result.restoredTables().size()));
        result.recovery().ifPresent(recovery -> out.printf("recovery     %.2f s (restore time)%n",
                recovery.toMillis() / 1000.0));
        result.checks().forEach(check -> out.println("check        " + check.describe()));
        String name = "point-in-time chain of backup " + result.manifest().backupId() + " of plan '"
                + result.manifest().plan() + "'";
        if (!result.passed()) {
            err.println("planb: " + name + " FAILED verification: " + String.join("; ", result.problems()));
            err.flush();
            return ErrorCode.VERIFICATION_FAILED.exitCode();
        }
        out.println(name + " is sound");
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, VerificationResult result, Decryption key) {
        if (result.restoredInto() == null && !result.passed()) {
            return; // a checksum failed: the error line says which
        }
        boolean encrypted = result.manifest().artifacts().stream().anyMatch(Manifest.Artifact::isEncrypted);
        String decrypted = !encrypted ? " (size, SHA-256, compression, dump size)"
                : key.isPresent() ? " (size, SHA-256, encryption; decrypted: SHA-256, compression, dump size)"
                        : " (size, SHA-256, encryption)";
        result.checkedArtifacts().forEach(artifact -> out.println("checksum OK  " + artifact + decrypted));
        if (encrypted && !key.isPresent()) {
            out.println("not checked  the decrypted bytes, their compression and dump size: add --decrypt-with KEYFILE"
                    + " or --passphrase-env VAR");
        }
        if (result.restoredInto() == null) {
            out.println("not checked  that the dump restores, and its tables and row counts: add --restore-to JDBC_URL"
                    + " to drill it on a scratch database");
        }
        result.recovery().ifPresent(recovery -> out.println("restore OK   into scratch database "
                + result.restoredInto() + " (dropped afterwards): " + result.restoredTables().size() + " tables, "
                + (result.rowCountsMatch() ? "row counts match the manifest" : "row counts DIFFER from the manifest")));
        result.recovery().ifPresent(recovery -> out.printf("recovery     %.2f s (restore time)%n",
                recovery.toMillis() / 1000.0));
        for (CheckOutcome check : result.checks()) {
            out.println("check        " + check.describe());
        }
        result.fingerprints().forEach((table, hash) -> out.println("fingerprint  " + table + " " + hash));
        for (CoverageFinding finding : result.coverage()) {
            out.println("coverage     " + finding.message());
        }
    }
}
