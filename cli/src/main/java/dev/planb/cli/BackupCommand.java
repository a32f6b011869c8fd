/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Sizes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb backup}: one backup now, to one or more destinations. */
@Command(name = "backup", description = {"Back up a database (and directory trees with --files) once.",
    "Writes it to one or more destinations and prints the new backup id."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    PlanOptions planOptions;

    @Mixin
    DumpOptions dump;

    @Mixin
    FilesOptions files;

    @Option(names = "--label", paramLabel = "TEXT",
            description = "Why this backup is taken, e.g. 'before manual fix of orders': kept in its manifest, shown by"
                    + " list and status.")
    String label;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Manifest.checkLabel(label);
        } catch (IllegalArgumentException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--label: " + e.getMessage());
        }
        BackupPlan plan = planOptions.configured().orElseGet(() -> {
            BackupPlan.Builder builder = planOptions.planBuilder(dump.engine(planOptions.jdbcUrl));
            files.addTo(builder);
            return builder.build();
        });

        BackupResult result;
        try (ProgressDisplay progress = ProgressDisplay.on(err)) {
            result = PlanB.backup(plan, label, progress);
        }
        Manifest manifest = result.manifest();
        err.println(String.format(Locale.ROOT, "Backed up plan '%s' (%s, %d tables, %d rows): %s dumped, %s stored in %.1f s",
                manifest.plan(), manifest.engine().name(), manifest.tables().size(), manifest.totalRows(),
                Sizes.format(manifest.artifacts().get(0).dumpSize()), Sizes.format(manifest.storedBytes()),
                manifest.duration().toMillis() / 1000.0));
        Manifest.Artifact artifact = manifest.artifacts().get(0);
        if (artifact.isEncrypted()) {
            err.println("  encrypted (" + artifact.encryption() + ")" + (artifact.recipients().isEmpty() ? ""
                    : " to " + String.join(", ", artifact.recipients())));
        }
        for (FileSet fileSet : manifest.files()) {
            err.println(String.format(Locale.ROOT, "  files '%s': %d files, %s (%d stored in this backup)",
                    fileSet.source(), fileSet.fileCount(), Sizes.format(fileSet.totalSize()), fileSet.storedFiles()));
        }
        result.warnings().forEach(warning -> err.println("  WARNING " + warning));
        for (DestinationResult destination : result.destinations()) {
            err.println((destination.succeeded() ? "  stored on " : "  FAILED on ") + destination.destination()
                    + destination.failure().map(reason -> ": " + reason).orElse(""));
            destination.warnings().forEach(warning -> err.println("  WARNING: " + warning));
        }
        out.println(result.id());
        out.flush();
        err.flush();
        if (!result.isComplete()) {
            err.println("planb: backup " + result.id() + " is missing on " + result.failures().size()
                    + " destination(s): see above");
            return ErrorCode.DESTINATION_FAILED.exitCode();
        }
        return 0;
    }
}
