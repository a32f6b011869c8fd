/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.pull.PullJob;
import dev.planb.pull.PullResult;
import dev.planb.pull.PulledBackup;
import dev.planb.pull.PulledBackup.Outcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb pull}: copy complete backups out of an outbox, verifying every checksum. */
@Command(name = "pull", description = {"Copy complete backups from an outbox to destinations that lack them.",
    "The outbox is e.g. production's SFTP folder. Every checksum is verified; backups already there are skipped,"
        + " damaged ones reported. Run it again at any time: it carries on where it stopped."})
final class PullCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "URI",
            description = "Outbox to copy from: folder, file:/// or sftp:// URI.")
    String from;

    @Option(names = "--to", required = true, arity = "1..*", paramLabel = "URI",
            description = "Destination to copy to; repeat for more copies.")
    List<String> destinations;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan's backups (default: all).")
    String plan;

    @Option(names = "--remove-copied", description = "Remove a backup from the outbox once every destination holds "
            + "a verified copy.")
    boolean removeCopied;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PullJob.Builder job = PullJob.builder().from(DestinationUris.forReading(from)).plan(plan)
                .removeCopied(removeCopied);
        destinations.stream().map(DestinationUris::forWriting).forEach(job::to);
        PullResult result = job.build().run();
        for (PulledBackup backup : result.backups()) {
            out.printf(Locale.ROOT, "%-15s %-20s %s%s%n", label(backup), backup.plan(), backup.backupId(),
                    backup.removedFromSource() ? " (removed from the outbox)" : "");
            if (!backup.message().isEmpty()) {
                err.println("planb: " + backup.message());
            }
        }
        out.flush();
        err.println("Pulled " + result.copied().size() + " backup(s); " + result.backups().stream()
                .filter(backup -> backup.outcome() == Outcome.ALREADY_PRESENT).count() + " already present; "
                + result.failures().size() + " not copied");
        err.flush();
        if (result.failures().stream().anyMatch(backup -> backup.outcome() == Outcome.FAILED)) {
            return ErrorCode.DESTINATION_FAILED.exitCode();
        }
        return result.isComplete() ? 0 : ErrorCode.CORRUPT_BACKUP.exitCode();
    }

    private static String label(PulledBackup backup) {
        return switch (backup.outcome()) {
            case COPIED -> "copied";
            case ALREADY_PRESENT -> "already-present";
            case CORRUPT -> "CORRUPT";
            case FAILED -> "FAILED";
        };
    }
}
