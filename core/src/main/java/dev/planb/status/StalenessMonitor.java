/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupStale;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises {@link BackupStale} for every plan whose newest successful backup is older than its max
 * age, whether or not any run failed: a stopped scheduler or an application that was down is
 * noticed as soon as {@link #check()} runs. Each stale spell is reported once; a new backup ends
 * it. It also raises {@link BackupDamaged}, once per backup and destination, for a plan whose
 * newest backup on a destination is damaged, as the board found when it read the destinations (at
 * start-up, and when it refreshes). The runtime calls {@link #check()} periodically; tests call it
 * with a fixed clock.
 *
 * <p>Before it calls a plan stale, it has the board read the newest backup from the destinations
 * ({@link StatusBoard#refresh(String)}, at most every 10 minutes per plan): a
 * log file shipped a moment ago is a backup, so a plan that streams its log is not stale.
 *
 * <pre>{@code
 * StalenessMonitor monitor = new StalenessMonitor(board, runtimeListeners, Clock.systemUTC());
 * scheduler.scheduleAtFixedRate(monitor::check, 1, 1, TimeUnit.MINUTES);
 * }</pre>
 */
public final class StalenessMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(StalenessMonitor.class);

    private final StatusBoard board;
    private final PlanBListener listener;
    private final Clock clock;
    private static final int REFRESH_MINUTES = 10;

    private final Map<String, Optional<Instant>> reported = new HashMap<>();
    private final Map<String, Instant> refreshed = new HashMap<>();
    private final Set<String> damagedReported = new HashSet<>();

    /**
     * A monitor of the board's plans; nothing is checked until {@link #check()}, which the runtime calls periodically.

     *
     * @param board the plans to watch, with their max age and newest backup

     * @param listener receives the {@link BackupStale} events
     * @param clock the same clock as the board's
     */
    public StalenessMonitor(StatusBoard board, PlanBListener listener, Clock clock) {
        this.board = board;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Checks every plan now and raises {@link BackupStale} for each plan that has just become stale.
     *
     * @return the events raised by this check, one per plan that has just become stale; empty when none
     */

    public synchronized List<BackupStale> check() {
        List<BackupStale> raised = new ArrayList<>();
        Instant now = clock.instant();
        for (PlanStatus seen : board.all()) {
            reportDamage(seen, now);
            // A plan with a destructive change is read again too: its hold may have been released on another host.
            boolean reread = seen.isStale() || seen.state() == PlanState.DESTRUCTIVE_CHANGE;
            PlanStatus status = reread && refreshDue(seen.plan(), now) ? refresh(seen) : seen;
            if (!status.isStale() || status.maxAge().isEmpty()) {
                reported.remove(status.plan());
                continue;
            }
            Optional<Instant> lastSuccess = status.lastSuccess().map(BackupSummary::time);
            if (lastSuccess.equals(reported.get(status.plan()))) {
                continue; // this spell was reported already
            }
            reported.put(status.plan(), lastSuccess);
            BackupStale stale = new BackupStale(status.plan(), now, lastSuccess, status.maxAge().get());
            raised.add(stale);
            publish(stale);
        }
        return raised;
    }

    private void reportDamage(PlanStatus status, Instant now) {
        for (DestinationStatus destination : status.destinations()) {
            destination.newestDamaged().filter(damaged -> damagedReported.add(destination.destination() + "/" + damaged.id()))
                    .ifPresent(damaged -> publish(new BackupDamaged(status.plan(), now, destination.destination(),
                            damaged.id(), damaged.location() + " " + damaged.reason())));
        }
    }

    private void publish(PlanBEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A listener failed on {}: {}", event, e.toString());
        }
    }

    private boolean refreshDue(String plan, Instant now) {
        Instant last = refreshed.get(plan);
        return last == null || !now.isBefore(last.plusSeconds(REFRESH_MINUTES * 60L));
    }

    private PlanStatus refresh(PlanStatus status) {
        refreshed.put(status.plan(), clock.instant());
        board.refresh(status.plan());
        return board.status(status.plan()).orElse(status);
    }
}
