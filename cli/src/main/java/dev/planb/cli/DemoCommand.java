/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Sizes;
import dev.planb.verify.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code planb demo}: PlanB's main job on an embedded database. Creates a sample SQLite shop,
 * backs it up into a local folder, lists the backups, verifies the checksums, restores into a
 * fresh database and compares every table's row count.
 */
@Command(name = "demo", description = "Back up, list, restore and check a sample SQLite database.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "planb-demo",
            description = "Folder for the demo's database, backups and restore (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = dir.toAbsolutePath().normalize();
        Path database = folder.resolve("shop.db");
        Path restored = folder.resolve("restored.db");
        LocalDirectoryDestination backups = new LocalDirectoryDestination(folder.resolve("backups"));
        Files.createDirectories(folder);
        Files.deleteIfExists(database);
        Files.deleteIfExists(restored);

        out.println("1. Creating a sample shop database: " + database);
        DemoDatabase.create(database);

        out.println("2. Backing it up to " + backups.description());
        BackupPlan plan = BackupPlan.builder("shop")
                .database(DatabaseSource.of("jdbc:sqlite:" + database))
                .destination(backups)
                .build();
        BackupResult backup = PlanB.backup(plan);
        Manifest manifest = backup.manifest();
        out.println("   backup " + manifest.backupId() + ": " + manifest.tables().size() + " tables, "
                + manifest.totalRows() + " rows, " + Sizes.format(manifest.artifacts().get(0).dumpSize()) + " -> "
                + Sizes.format(manifest.storedBytes()) + " (" + manifest.artifacts().get(0).compression() + ")");

        out.println("3. Listing the backups there:");
        out.flush();
        int listed = PlanBCommand.commandLine("list").setOut(out).setErr(spec.commandLine().getErr())
                .execute("list", "--from", backups.root().toString(), "--plan", "shop");
        if (listed != 0) {
            return listed;
        }

        out.println("4. Verifying checksums of " + manifest.backupId());
        VerificationResult verification = new RestoreVerifier(backups)
                .verify(Optional.of("shop"), manifest.backupId(), Optional.empty());
        if (!verification.passed()) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, String.join("; ", verification.problems()));
        }
        out.println("   checksums OK");

        out.println("5. Restoring it into a fresh database: " + restored);
        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(backups).plan("shop")
                .backup(manifest.backupId()).target(DatabaseSource.of("jdbc:sqlite:" + restored)).build());
        Map<String, Long> original = manifest.tables().stream()
                .collect(Collectors.toMap(TableCount::table, TableCount::rows));
        for (TableCount table : result.restoredTables()) {
            out.printf("   %-12s %6d rows (backup: %d)%n", table.table(), table.rows(), original.get(table.table()));
        }
        if (!result.matchesManifest()) {
            throw new PlanBException(ErrorCode.VERIFICATION_FAILED, "restored database differs: " + result.mismatches());
        }
        out.println("   every table has the rows it had at backup time");

        Path backupFolder = backups.root().resolve(Layout.backupFolder("shop", manifest.id()));
        out.println();
        out.println("Done. Where everything is:");
        out.println("  database     " + database);
        out.println("  backup       " + backupFolder);
        out.println("  manifest     " + backupFolder.resolve(Layout.MANIFEST));
        out.println("  restore how  " + backupFolder.resolve(Layout.RESTORE_GUIDE));
        out.println("  restored     " + restored);
        out.println();
        out.println("Try: ./planb list --from " + backups.root());
        out.flush();
        return 0;
    }
}
