/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.event.BackupDamaged;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
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
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which events become notifications, so a failing plan does not flood anyone: at most one
 * alert per run, one stale alert until the plan has a new backup, and one "recovered" message on
 * the first complete backup after problems. Keeps its state per plan; thread-safe.
 */
final class FloodControl {

    private final Set<NotificationKind> kinds;
    private final Map<String, PlanState> plans = new HashMap<>();

    /** Lets through only {@code kinds}. */
    FloodControl(Set<NotificationKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    /** The notification to send for {@code event}, or empty when none should go out. */
    synchronized Optional<Notification> admit(PlanBEvent event) {
        PlanState plan = plans.computeIfAbsent(event.plan(), name -> new PlanState());
        if (event instanceof BackupStarted) {
            plan.alertedThisRun = false;
            return send(event, NotificationKind.STARTED, null);
        }
        if (event instanceof DestinationFailed) {
            plan.problemSince(event.time());
            return alertOncePerRun(plan, event, NotificationKind.DESTINATION_FAILED);
        }
        if (event instanceof BackupFailed) {
            plan.problemSince(event.time());
            Optional<Notification> alert = alertOncePerRun(plan, event, NotificationKind.FAILED);
            plan.alertedThisRun = false; // the run is over; a run that fails before it starts is a new run
            return alert;
        }
        if (event instanceof BackupStale) {
            plan.problemSince(event.time());
            if (plan.staleAlerted) {
                return Optional.empty();
            }
            plan.staleAlerted = true;
            return send(event, NotificationKind.STALE, null);
        }
        if (event instanceof BackupSucceeded succeeded) {
            plan.alertedThisRun = false;
            if (!succeeded.result().isComplete()) {
                plan.problemSince(event.time());
                return send(event, NotificationKind.SUCCEEDED, null);
            }
            Instant failingSince = plan.failingSince;
            plan.failingSince = null;
            plan.staleAlerted = false;
            if (failingSince != null && kinds.contains(NotificationKind.RECOVERED)) {
                return send(event, NotificationKind.RECOVERED, failingSince);
            }
            return send(event, NotificationKind.SUCCEEDED, null);
        }
        if (event instanceof LogStreamProblem) {
            plan.problemSince(event.time());
            return send(event, NotificationKind.FAILED, null);
        }
        if (event instanceof Pruned) {
            return send(event, NotificationKind.PRUNED, null);
        }
        if (event instanceof Verified) {
            return send(event, NotificationKind.VERIFIED, null);
        }
        if (event instanceof VerificationFailed) {
            return send(event, NotificationKind.VERIFICATION_FAILED, null);
        }
        if (event instanceof Pulled) {
            return send(event, NotificationKind.PULLED, null);
        }
        if (event instanceof PullFailed) {
            return send(event, NotificationKind.PULL_FAILED, null);
        }
        if (event instanceof BackupDamaged damaged) {
            // Once per damaged backup: every later prune or drill meets it again.
            return plan.damagedReported.add(damaged.destination() + "/" + damaged.backupId())
                    ? send(event, NotificationKind.DAMAGED, null) : Optional.empty();
        }
        if (event instanceof DestructiveChange) {
            return send(event, NotificationKind.DESTRUCTIVE_CHANGE, null); // once: the next backup compares with this one
        }
        return Optional.empty(); // progress, skipped ticks
    }

    private Optional<Notification> alertOncePerRun(PlanState plan, PlanBEvent event, NotificationKind kind) {
        if (plan.alertedThisRun || !kinds.contains(kind)) {
            return Optional.empty();
        }
        plan.alertedThisRun = true;
        return send(event, kind, null);
    }

    private Optional<Notification> send(PlanBEvent event, NotificationKind kind, Instant failingSince) {
        return kinds.contains(kind) ? Optional.of(Notifications.of(event, kind, failingSince)) : Optional.empty();
    }

    /** What flood control remembers about one plan. */
    private static final class PlanState {
        boolean alertedThisRun;
        boolean staleAlerted;
        Instant failingSince;
        final Set<String> damagedReported = new HashSet<>();

        void problemSince(Instant time) {
            if (failingSince == null) {
                failingSince = time;
            }
        }
    }
}
