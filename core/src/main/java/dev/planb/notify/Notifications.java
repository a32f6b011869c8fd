/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupStale;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestinationFailed;
import dev.planb.event.DestructiveChange;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.PlanBEvent;
import dev.planb.event.Pruned;
import dev.planb.event.PullFailed;
import dev.planb.event.Pulled;
import dev.planb.event.VerificationFailed;
import dev.planb.event.Verified;
import dev.planb.internal.Durations;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
import dev.planb.spi.support.Sizes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns events into notifications: the facts a person needs and the next step to take. */
final class Notifications {

    private static final String NOTHING_TO_DO = "Nothing to do.";

    private Notifications() {
    }

    /**
     * The notification of {@code kind} for {@code event}.
     *
     * @param failingSince for {@link NotificationKind#RECOVERED}: when the problems began
     */
    static Notification of(PlanBEvent event, NotificationKind kind, Instant failingSince) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Plan", event.plan());
        facts.put("Time", event.time().toString());
        String plan = "'" + event.plan() + "'";
        if (event instanceof BackupStarted started) {
            facts.put("Backup id", started.backupId().toString());
            return new Notification(event.plan(), kind, event.time(), "PlanB: backup of " + plan + " started",
                    facts, NOTHING_TO_DO);
        }
        if (event instanceof BackupSucceeded succeeded) {
            return succeeded(succeeded, kind, failingSince, facts);
        }
        if (event instanceof BackupFailed failed) {
            facts.put("Error", failed.code().name());
            facts.put("Message", failed.message());
            facts.put("Duration", Durations.format(failed.duration()));
            return new Notification(event.plan(), kind, event.time(), "PlanB: backup of " + plan + " FAILED",
                    facts, nextStep(failed.code()));
        }
        if (event instanceof DestinationFailed failed) {
            facts.put("Backup id", failed.backupId().toString());
            facts.put("Destination", failed.destination());
            facts.put("Message", failed.message());
            return new Notification(event.plan(), kind, event.time(), "PlanB: destination " + failed.destination()
                    + " of " + plan + " FAILED", facts, "Fix that destination (space, permissions, credentials,"
                    + " network); the other destinations still get complete backups. The next run writes it again.");
        }
        if (event instanceof BackupStale stale) {
            String age = stale.lastSuccess().map(last -> Durations.format(Duration.between(last, stale.time())))
                    .orElse("never backed up");
            facts.put("Last success", stale.lastSuccess().map(Instant::toString).orElse("none"));
            facts.put("Age", age);
            facts.put("Max age", Durations.format(stale.maxAge()));
            return new Notification(event.plan(), kind, event.time(), "PlanB: backups of " + plan + " are STALE ("
                    + age + ")", facts, "Check that the application and its backup schedule are running and"
                    + " look for failed runs in its log (logger dev.planb); run a backup now to be covered.");
        }
        if (event instanceof Pruned pruned) {
            facts.put("Destination", pruned.destination());
            facts.put("Deleted", String.valueOf(pruned.deleted().size()));
            facts.put("Kept", String.valueOf(pruned.kept()));
            if (!pruned.problems().isEmpty()) {
                facts.put("Not deleted", String.join("; ", pruned.problems()));
            }
            return new Notification(event.plan(), kind, event.time(), "PlanB: pruned " + pruned.deleted().size()
                    + " backup(s) of " + plan, facts, pruned.problems().isEmpty() ? NOTHING_TO_DO
                    : "Check the backups that could not be deleted (lock or permission).");
        }
        if (event instanceof Verified verified) {
            facts.put("Backup id", verified.result().manifest().backupId());
            facts.put("Restored into", verified.result().restoredInto() == null ? "checksums only"
                    : verified.result().restoredInto());
            return new Notification(event.plan(), kind, event.time(), "PlanB: backup of " + plan + " verified",
                    facts, NOTHING_TO_DO);
        }
        if (event instanceof VerificationFailed failed) {
            facts.put("Backup id", failed.backupId().toString());
            facts.put("Problems", String.join("; ", failed.problems()));
            return new Notification(event.plan(), kind, event.time(), "PlanB: backup " + failed.backupId() + " of "
                    + plan + " FAILED verification", facts, "Do not rely on this backup: take a new backup now,"
                    + " then find out what damaged it (run 'planb verify' on each destination).");
        }
        if (event instanceof Pulled pulled) {
            facts.put("Backup id", pulled.backupId().toString());
            facts.put("From", pulled.from());
            facts.put("To", String.join(", ", pulled.to()));
            facts.put("Size", Sizes.format(pulled.bytes()));
            return new Notification(event.plan(), kind, event.time(), "PlanB: pulled backup " + pulled.backupId()
                    + " of " + plan, facts, NOTHING_TO_DO);
        }
        if (event instanceof PullFailed failed) {
            facts.put("Backup id", failed.backupId().toString());
            facts.put("From", failed.from());
            facts.put("Error", failed.code().name());
            facts.put("Message", failed.message());
            return new Notification(event.plan(), kind, event.time(), "PlanB: pull of backup " + failed.backupId()
                    + " of " + plan + " FAILED", facts, nextStep(failed.code()));
        }
        if (event instanceof BackupDamaged damaged) {
            facts.put("Backup id", damaged.backupId().toString());
            facts.put("Destination", damaged.destination());
            facts.put("Problem", damaged.reason());
            return new Notification(event.plan(), kind, event.time(), "PlanB: backup " + damaged.backupId() + " of "
                    + plan + " is DAMAGED", facts, "Do not rely on this backup: its manifest was altered or cut short."
                    + " Take a new backup now, copy the backup from another destination if it holds it intact, and find"
                    + " out what altered the storage; 'planb prune --include-damaged' deletes it.");
        }
        if (event instanceof LogStreamProblem problem) {
            facts.put("Problem", problem.problem().name());
            facts.put("Message", problem.message());
            return new Notification(event.plan(), kind, event.time(), "PlanB: log shipping of " + plan + " needs attention ("
                    + problem.problem() + ")", facts, problem.problem() == LogStreamProblem.Problem.FALLBACK_TO_DUMPS
                    ? "Enable what the message names on the server to get point-in-time recovery; dumps still run."
                    : "Check the database server and the destinations; PlanB keeps shipping and starts a new chain after a gap.");
        }
        if (event instanceof DestructiveChange change) {
            return destructiveChange(change, kind, facts);
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not notified");
    }

    private static Notification succeeded(BackupSucceeded succeeded, NotificationKind kind, Instant failingSince,
            Map<String, String> facts) {
        BackupResult result = succeeded.result();
        facts.put("Backup id", result.id().toString());
        facts.put("Size", Sizes.format(result.manifest().storedBytes()));
        facts.put("Duration", Durations.format(succeeded.duration()));
        facts.put("Destinations", result.destinations().size() - result.failures().size() + " of "
                + result.destinations().size());
        for (DestinationResult failure : result.failures()) {
            facts.put("Missing on " + failure.destination(), failure.error());
        }
        if (!result.warnings().isEmpty()) {
            facts.put("File warnings", result.warnings().size() + ": " + String.join("; ",
                    result.warnings().subList(0, Math.min(5, result.warnings().size()))));
        }
        String plan = "'" + succeeded.plan() + "'";
        if (kind == NotificationKind.RECOVERED) {
            facts.put("Failing since", failingSince.toString());
            return new Notification(succeeded.plan(), kind, succeeded.time(), "PlanB: backups of " + plan
                    + " RECOVERED", facts, "Nothing to do; if the cause of the earlier alerts is unknown, find it.");
        }
        return new Notification(succeeded.plan(), kind, succeeded.time(), "PlanB: backup of " + plan + " succeeded"
                + (result.isComplete() ? "" : " on some destinations"), facts, result.isComplete() ? NOTHING_TO_DO
                : "Fix the destinations the backup is missing on; the next run writes them again.");
    }

    private static Notification destructiveChange(DestructiveChange change, NotificationKind kind,
            Map<String, String> facts) {
        facts.put("Backup id", change.backupId().toString());
        facts.put("Last good backup", change.previousId().toString());
        change.tables().forEach(table -> facts.put("Table " + table.table(), table.dropped()
                ? table.rowsBefore() + " rows -> DROPPED"
                : table.rowsBefore() + " -> " + table.rowsAfter() + " rows"));
        facts.put("Held", change.heldUntil().map(until -> "until " + until + " on " + String.join(", ", change.heldOn()))
                .orElse("no (the plan holds nothing)"));
        String tables = String.join(", ", change.tables().stream().map(table -> table.table()).toList());
        return new Notification(change.plan(), kind, change.time(), "PlanB: DESTRUCTIVE CHANGE in " + "'"
                + change.plan() + "': " + tables, facts, "If this was not intended, restore the table(s) from backup "
                + change.previousId() + " beside the live ones: planb restore --backup " + change.previousId()
                + " --table T --as _before. When all is well, release the hold: planb hold release --backup "
                + change.previousId() + ".");
    }

    private static String nextStep(ErrorCode code) {
        return switch (code) {
            case DATABASE_UNAVAILABLE -> "Check that the database is up and reachable and that the credentials are"
                    + " right, then run a backup to confirm.";
            case NO_ENGINE -> "Add the PlanB engine or JDBC driver the message names to the application.";
            case CORRUPT_BACKUP -> "Do not rely on that copy: restore from another destination if needed, and find"
                    + " out what altered the storage.";
            case DESTINATION_FAILED -> "Fix the destinations (space, permissions, credentials, network), then run"
                    + " a backup to confirm.";
            case INVALID_SETTING -> "Correct the setting the message names, then run a backup to confirm.";
            default -> "Read the message and the application log (logger dev.planb), fix the cause, then run a"
                    + " backup to confirm.";
        };
    }
}
