/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.config.DurationText;
import dev.planb.engine.LocalLeftovers;
import dev.planb.retention.CleanupReport;
import dev.planb.retention.Leftover;
import dev.planb.retention.LeftoverCleaner;
import dev.planb.spi.support.Sizes;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb cleanup}: remove what killed runs left on a destination. */
@Command(name = "cleanup", description = {"Remove what interrupted runs left on a destination.",
    "Backup folders without a manifest, hidden partial files (folder, SFTP, FTP, rclone), unfinished S3 multipart"
        + " uploads and uncommitted Azure blocks of runs started"
        + " more than --older-than ago. Complete backups (with a manifest) are never touched. Also removes the"
        + " snapshot files that killed backups left in java.io.tmpdir."})
final class CleanupCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "URI", description = "Destination folder, file:///, s3:// or sftp:// URI.")
    String from;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan's folder (default: every plan).")
    String plan;

    @Option(names = "--older-than", paramLabel = "DURATION",
            description = "Only what runs started at least this long ago left, so no running backup is touched"
                    + " (default: 4h, the default plan timeout; use your plan's timeout).")
    Duration olderThan = BackupPlan.DEFAULT_TIMEOUT;

    @Option(names = "--dry-run", description = "List what would be removed, remove nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        LocalLeftovers.remove();
        CleanupReport report = new LeftoverCleaner(DestinationUris.forReading(from))
                .clean(plan, Instant.now().minus(olderThan), dryRun);
        print(report, olderThan, spec.commandLine().getOut(), spec.commandLine().getErr());
        return exitCode(report);
    }

    /** One line per leftover on {@code out}, a summary on {@code err}. */
    static void print(CleanupReport report, Duration olderThan, PrintWriter out, PrintWriter err) {
        for (Leftover leftover : report.leftovers()) {
            out.printf("%-13s %-24s %-10s %s%s%n", leftover.outcome().label(), leftover.kind().label(),
                    leftover.bytes() < 0 ? "?" : Sizes.format(leftover.bytes()), leftover.location(),
                    leftover.detail().isEmpty() ? "" : ": " + leftover.detail());
        }
        out.flush();
        long removed = report.leftovers().stream().filter(leftover -> leftover.outcome() == Leftover.Outcome.REMOVED)
                .count();
        err.println("Leftovers older than " + DurationText.format(olderThan) + " on " + report.destination() + ": "
                + report.leftovers().size() + " found, " + (report.dryRun() ? "none removed (dry run)"
                        : removed + " removed" + (report.problems().isEmpty() ? "" : ", "
                                + report.problems().size() + " not removed")));
        err.flush();
    }

    /** 6 when a removal failed, 12 when the destination refuses deletes, else 0. */
    static int exitCode(CleanupReport report) {
        if (report.problems().stream().anyMatch(leftover -> leftover.outcome() == Leftover.Outcome.FAILED)) {
            return ErrorCode.DESTINATION_FAILED.exitCode();
        }
        return report.problems().isEmpty() ? 0 : ErrorCode.DELETE_NOT_PERMITTED.exitCode();
    }
}
