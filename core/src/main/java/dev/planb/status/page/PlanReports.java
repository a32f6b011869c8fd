/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.page;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import dev.planb.catalog.Catalog;
import dev.planb.change.TableChange;
import dev.planb.config.DurationText;
import dev.planb.event.DestructiveChange;
import dev.planb.history.PlanHistory;
import dev.planb.hold.Hold;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.status.BackupSummary;
import dev.planb.status.DestinationStatus;
import dev.planb.status.Failure;
import dev.planb.status.PlanStatus;
import dev.planb.status.VerificationSummary;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Describes plans as plain maps and lists (JSON for the starter's endpoint and health details,
 * the model of the {@link StatusPage}): status, newest backups, newest verifications.
 *
 * <pre>{@code
 * PlanReports reports = new PlanReports(planB, Clock.systemUTC());
 * List<Map<String, Object>> plans = reports.reports(10);
 * }</pre>
 */
public final class PlanReports {

    private final PlanB planB;
    private final Clock clock;

    /**
     * Reports on a runtime's plans.
     *
     * @param planB the runtime to report on
     * @param clock what ages are measured against
     */
    public PlanReports(PlanB planB, Clock clock) {
        this.planB = planB;
        this.clock = clock;
    }

    /** {@return the runtime reported on} */
    public PlanB planB() {
        return planB;
    }

    /**
     * Whether a plan needs attention: stale, its newest backup damaged, or its last verification failed.
     *
     * @param status the plan's status
     * @return whether health checks report the plan DOWN
     */
    public static boolean isDown(PlanStatus status) {
        return status.needsAttention();
    }

    /** What the {@code planb} health shows overall. */
    public enum HealthVerdict {
        /** Every plan is fine. */
        UP("every plan is fine"),
        /** No plan needs attention, but a plan's last backup showed tables dropped or emptied. */
        DESTRUCTIVE_CHANGE("a backup showed tables dropped or emptied"),
        /** A plan needs attention ({@link #isDown(PlanStatus)}). */
        DOWN("a plan needs attention");

        private final String description;

        HealthVerdict(String description) {
            this.description = description;
        }

        /** {@return one line for the health's status description} */
        public String description() {
            return description;
        }
    }

    /**
     * Reports every plan's status to {@code detail} (plan name, {@link #status(PlanStatus)}) and says what
     * the {@code planb} health shows overall, the same whichever front end (or Spring Boot generation) shows it.
     *
     * @param detail receives each plan's name and its status map
     * @return {@link HealthVerdict#DOWN} when a plan needs attention, else {@link HealthVerdict#DESTRUCTIVE_CHANGE}
     *     when a plan has an open destructive change, else {@link HealthVerdict#UP}
     */
    public HealthVerdict health(BiConsumer<String, Object> detail) {
        boolean down = false;
        boolean changed = false;
        for (PlanStatus status : planB.status()) {
            down |= isDown(status);
            changed |= status.destructiveChange().isPresent();
            detail.accept(status.plan(), status(status));
        }
        return down ? HealthVerdict.DOWN : changed ? HealthVerdict.DESTRUCTIVE_CHANGE : HealthVerdict.UP;
    }

    /**
     * A plan's status as plain maps and lists, ready for JSON: state, last success (with age), last failure,
     * last verification, next run, max age, destinations, and any destructive change and holds.
     *
     * @param status the plan's status
     * @return the status's details, in a stable order; absent values are left out
     */
    public Map<String, Object> status(PlanStatus status) {
        Instant now = clock.instant();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        status.lastSuccess().ifPresent(success -> details.put("lastSuccess", backup(success, now)));
        status.lastFailure().ifPresent(failure -> details.put("lastFailure", failure(failure)));
        status.lastVerification().ifPresent(verification -> details.put("lastVerification", verification(verification)));
        status.nextRun().ifPresent(next -> details.put("nextRun", next.toString()));
        status.maxAge().ifPresent(maxAge -> details.put("maxAge", DurationText.format(maxAge)));
        Map<String, Object> destinations = new LinkedHashMap<>();
        for (DestinationStatus destination : status.destinations()) {
            Map<String, Object> one = new LinkedHashMap<>();
            destination.lastSuccess().ifPresent(success -> one.put("lastSuccess", backup(success, now)));
            destination.lastFailure().ifPresent(failure -> one.put("lastFailure", failure(failure)));
            if (!destination.damaged().isEmpty()) {
                one.put("damaged", destination.damaged().stream().map(damaged -> Map.of("backup",
                        damaged.id().toString(), "reason", damaged.location() + " " + damaged.reason())).toList());
            }
            destinations.put(destination.destination(), one);
        }
        details.put("destinations", destinations);
        status.destructiveChange().ifPresent(change -> details.put("destructiveChange", Map.of(
                "backup", change.backupId().toString(), "lastGoodBackup", change.previousId().toString(),
                "tables", change.describeTables())));
        if (!status.holds().isEmpty()) {
            details.put("holds", status.holds().stream().map(hold -> Map.of("backup", hold.backupId().toString(),
                    "until", hold.expiresAt().toString(), "reason", hold.reason())).toList());
        }
        return details;
    }

    /**
     * A plan's status with its {@code limit} newest backups and verifications, read from its first destination.
     *
     * @param plan the plan's name
     * @param limit how many backups and verifications to list at most
     * @return {@link #status(PlanStatus)}'s details with the plan's name, {@code recentBackups} and
     *     {@code recentVerifications}
     * @throws IllegalArgumentException when the runtime has no such plan
     */
    public Map<String, Object> report(String plan, int limit) {
        PlanStatus status = planB.status(plan).orElseThrow(() -> new IllegalArgumentException("no plan " + plan));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("plan", plan);
        report.putAll(status(status));
        planOf(plan).ifPresent(backupPlan -> {
            Instant now = clock.instant();
            report.put("recentBackups", new Catalog(backupPlan.destinations().get(0))
                    .newest(plan, limit, manifest -> true).stream().map(manifest -> backup(manifest, now)).toList());
            report.put("recentVerifications", new VerificationLog(backupPlan.destinations().get(0)).entries(plan)
                    .stream().limit(limit).map(entry -> Map.<String, Object>of("time", entry.time().toString(),
                            "backup", entry.backupId().toString())).toList());
        });
        return report;
    }

    /**
     * A plan's {@code limit} newest full backups from its first destination, oldest first, with its
     * destructive changes and holds (from the holds there and the open change), its drills (those of
     * these backups) and its last failure marked.
     */
    HistoryChart history(String plan, int limit) {
        Optional<BackupPlan> backupPlan = planOf(plan);
        if (backupPlan.isEmpty()) {
            return new HistoryChart(List.of(), List.of());
        }
        Destination first = backupPlan.get().destinations().get(0);
        List<PlanHistory.Entry> entries = PlanHistory.read(first, plan, limit, backupPlan.get().destructiveChange());
        HistoryChart history = HistoryChart.of(entries);
        Set<String> shown = history.backups().stream().map(HistoryChart.Point::id).collect(Collectors.toSet());
        VerificationLog drills = new VerificationLog(first);
        for (VerificationLog.Entry entry : drills.entries(plan).stream()
                .filter(entry -> shown.contains(entry.backupId().toString())).limit(limit).toList()) {
            Optional<VerificationRecord> drill = drills.read(entry);
            if (drill.isPresent()) {
                boolean passed = drill.get().passed();
                history = history.markBackup(entry.backupId().toString(),
                        passed ? HistoryChart.Kind.DRILL_PASSED : HistoryChart.Kind.DRILL_FAILED,
                        "drill " + (passed ? "passed" : "FAILED") + " at " + entry.time());
            }
        }
        Optional<PlanStatus> status = planB.status(plan);
        Optional<DestructiveChange> change = status.flatMap(PlanStatus::destructiveChange);
        if (change.isPresent()) {
            history = history.markBackup(change.get().backupId().toString(), HistoryChart.Kind.DESTRUCTIVE_CHANGE,
                    "destructive change: " + change.get().describeTables());
        }
        Instant now = clock.instant();
        for (Hold hold : entries.stream().flatMap(entry -> entry.holds().stream()).toList()) {
            history = history.markBackup(hold.backupId().toString(), HistoryChart.Kind.HOLD,
                    "hold " + hold.state(now).name().toLowerCase(java.util.Locale.ROOT) + ", " + hold.describe());
            if (hold.changedIn().isPresent()) {
                history = history.markBackup(hold.changedIn().get().toString(), HistoryChart.Kind.DESTRUCTIVE_CHANGE,
                        "destructive change: " + String.join("; ", hold.changes().stream().map(TableChange::describe)
                                .toList()));
            }
        }
        Optional<Failure> failure = status.flatMap(PlanStatus::lastFailure);
        if (failure.isPresent()) {
            history = history.markTime(failure.get().time(), HistoryChart.Kind.FAILURE,
                    "backup FAILED at " + failure.get().time() + ": " + failure.get().message());
        }
        return history;
    }

    /**
     * Every plan's {@link #report(String, int)}.
     *
     * @param limit how many backups and verifications to list at most per plan
     * @return one report per plan, in the runtime's order
     */

    public List<Map<String, Object>> reports(int limit) {
        return planB.plans().stream().map(plan -> report(plan.name(), limit)).toList();
    }

    private Optional<BackupPlan> planOf(String name) {
        return planB.plans().stream().filter(plan -> plan.name().equals(name)).findFirst();
    }

    private static Map<String, Object> backup(BackupSummary backup, Instant now) {
        return backup(backup.id().toString(), backup.time(), backup.storedBytes(), now);
    }

    private static Map<String, Object> backup(Manifest manifest, Instant now) {
        return backup(manifest.id().toString(), manifest.id().time(), manifest.storedBytes(), now);
    }

    private static Map<String, Object> backup(String id, Instant time, long bytes, Instant now) {
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("id", id);
        backup.put("time", time.toString());
        backup.put("age", DurationText.format(Duration.between(time, now)));
        backup.put("storedBytes", bytes);
        return backup;
    }

    private static Map<String, Object> failure(Failure failure) {
        return Map.of("time", failure.time().toString(), "message", failure.message());
    }

    private static Map<String, Object> verification(VerificationSummary verification) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("time", verification.time().toString());
        if (verification.id() != null) {
            details.put("backup", verification.id().toString());
        }
        details.put("passed", verification.passed());
        verification.recovery().ifPresent(recovery -> details.put("recoveryTime", DurationText.format(recovery)));
        details.put("problems", verification.problems());
        return details;
    }
}
