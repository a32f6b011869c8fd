/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.retention.CleanupReport;
import dev.planb.retention.LeftoverCleaner;
import dev.planb.retention.PruneOutcome;
import dev.planb.retention.PruneReport;
import dev.planb.retention.PrunedBackup;
import dev.planb.retention.PrunedDamagedBackup;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Destination;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb prune}: apply a retention policy to a plan's backups on a destination. */
@Command(name = "prune", description = {
    "Forget old backups with restic's rules.",
    "For each --keep-hourly/daily/weekly/monthly/yearly N, the newest backup"
            + " of each of the last N periods that have one is kept; --keep-last N keeps the N newest; --keep-within"
            + " keeps what started within that time of the newest backup. Rules add up; the newest backup is always"
            + " kept. Prints the decision for every backup, then removes what interrupted runs started more than 4h"
            + " ago left (see cleanup); --dry-run deletes nothing. DAMAGED backups are kept (exit"
            + " status 17) unless --include-damaged."})
final class PruneCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-24s %-20s %-14s %s%n";

    @Mixin
    StoredPlanOptions stored;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the N newest backups.")
    Integer keepLast;

    @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest backup of each of the last N hours.")
    Integer keepHourly;

    @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest backup of each of the last N days.")
    Integer keepDaily;

    @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest backup of each of the last N ISO weeks.")
    Integer keepWeekly;

    @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest backup of each of the last N months.")
    Integer keepMonthly;

    @Option(names = "--keep-yearly", paramLabel = "N", description = "Keep the newest backup of each of the last N years.")
    Integer keepYearly;

    @Option(names = "--keep-within", paramLabel = "DURATION",
            description = "Keep backups started within DURATION of the newest one, e.g. 7d, 36h, 2w.")
    Duration keepWithin;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of hours, days, weeks… (default UTC).")
    ZoneId zone;

    @Option(names = "--dry-run", description = "Print the decisions, delete nothing.")
    boolean dryRun;

    @Option(names = "--include-damaged", description = "Also delete DAMAGED backups (their manifests do not parse or"
            + " do not match their checksums), which are otherwise kept and make the exit status 17.")
    boolean includeDamaged;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Destination destination = stored.destination();
        String name = stored.name(destination);
        PruneReport report = new Pruner(destination).prune(name, policy(), Instant.now(), dryRun,
                includeDamaged);
        print(report);
        CleanupReport leftovers = new LeftoverCleaner(destination)
                .clean(name, Instant.now().minus(BackupPlan.DEFAULT_TIMEOUT), dryRun);
        CleanupCommand.print(leftovers, BackupPlan.DEFAULT_TIMEOUT, spec.commandLine().getOut(), spec.commandLine().getErr());
        if (report.backups().stream().anyMatch(row -> row.outcome() == PruneOutcome.FAILED)) {
            return ErrorCode.DESTINATION_FAILED.exitCode();
        }
        if (report.backups().stream().anyMatch(row -> row.outcome() == PruneOutcome.NOT_PERMITTED)) {
            return ErrorCode.DELETE_NOT_PERMITTED.exitCode();
        }
        if (report.damaged().stream().anyMatch(row -> row.outcome() == PruneOutcome.KEEP)) {
            spec.commandLine().getErr().println("planb: plan '" + name + "' has DAMAGED backups, kept: 'planb list'"
                    + " names them; --include-damaged deletes them");
            spec.commandLine().getErr().flush();
            return ErrorCode.DAMAGED_BACKUP.exitCode();
        }
        return CleanupCommand.exitCode(leftovers);
    }

    private RetentionPolicy policy() {
        RetentionPolicy.Builder builder = RetentionPolicy.builder();
        if (keepLast != null) {
            builder.keepLast(keepLast);
        }
        if (keepHourly != null) {
            builder.keepHourly(keepHourly);
        }
        if (keepDaily != null) {
            builder.keepDaily(keepDaily);
        }
        if (keepWeekly != null) {
            builder.keepWeekly(keepWeekly);
        }
        if (keepMonthly != null) {
            builder.keepMonthly(keepMonthly);
        }
        if (keepYearly != null) {
            builder.keepYearly(keepYearly);
        }
        if (keepWithin != null) {
            builder.keepWithin(keepWithin);
        }
        if (zone != null) {
            builder.zone(zone);
        }
        try {
            return builder.build();
        } catch (PlanBException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "planb prune needs at least one --keep-… option"
                    + " (--keep-last, --keep-hourly, --keep-daily, --keep-weekly, --keep-monthly, --keep-yearly,"
                    + " --keep-within), or it would delete every backup but the newest", e);
        }
    }

    private void print(PruneReport report) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(FORMAT, "BACKUP ID", "STARTED (UTC)", "DECISION", "REASONS");
        for (PrunedBackup row : report.backups()) {
            String why = row.outcome() == PruneOutcome.KEEP ? String.join(", ", row.reasons()) : row.detail();
            out.printf(FORMAT, row.backup().backupId(), TIME.format(row.backup().startedAt()), row.outcome().label(), why);
        }
        for (PrunedDamagedBackup row : report.damaged()) {
            out.printf(FORMAT, row.backup().id(), TIME.format(row.backup().id().time()),
                    row.outcome().label() + " DAMAGED", row.detail());
        }
        out.flush();
        long forgotten = report.backups().size() - report.kept();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Plan '" + report.plan() + "' on " + report.destination() + ": " + report.kept() + " kept, "
                + (report.dryRun() ? forgotten + " to delete (dry run: nothing deleted)"
                        : report.deleted().size() + " deleted" + (report.problems().isEmpty() ? ""
                                : ", " + report.problems().size() + " not deleted")));
        err.flush();
    }
}
