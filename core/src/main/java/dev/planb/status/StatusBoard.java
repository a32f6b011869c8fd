/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.BackupPlan;
import dev.planb.DestinationResult;
import dev.planb.PlanBException;
import dev.planb.Progress;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.CatalogScan;
import dev.planb.catalog.DamagedBackup;
import dev.planb.catalog.DamagedBackupException;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupProgress;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestinationFailed;
import dev.planb.event.DestructiveChange;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import dev.planb.event.VerificationFailed;
import dev.planb.event.Verified;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status of every tracked plan, kept in memory from the events it listens to and rebuilt from
 * the destinations' manifests and verification results at start-up, so a restart does not forget the
 * last backups and the last verification.
 * Thread-safe.
 *
 * <p>Every backup counts as a success, whatever its kind: a dump, a base backup, and each shipped
 * log file of a point-in-time chain, as a plan that streams its log is protected up to its last
 * shipment. Log files are shipped without events, so {@link #refresh(String)} reads the newest one
 * from the destinations; the {@link StalenessMonitor} does so before it calls a plan stale.
 *
 * <pre>{@code
 * StatusBoard board = new StatusBoard(Clock.systemUTC());
 * board.track(plan);                      // reads the newest backup on each destination
 * runtime.listener(board);                // then follows the events
 * PlanStatus status = board.status("app").orElseThrow();
 * if (status.isStale()) { ... }
 * }</pre>
 */
public final class StatusBoard implements PlanBListener {

    private static final Logger LOG = LoggerFactory.getLogger(StatusBoard.class);

    private final Clock clock;
    private final Map<String, Entry> plans = new LinkedHashMap<>();

    /**
     * A board with no plan yet.
     *
     * @param clock tells the time of failures, tracking starts and ages
     */
    public StatusBoard(Clock clock) {
        this.clock = clock;
    }

    /**
     * Tracks a plan and reads each destination's newest backup of it. A destination that cannot
     * be read is recorded as its last failure and logged; it does not stop the others.
     *
     * @param plan the plan, for its name, max age and destinations
     */
    public void track(BackupPlan plan) {
        track(plan.name(), plan.maxAge());
        synchronized (this) {
            entry(plan.name()).sources = List.copyOf(plan.destinations());
        }
        for (Destination destination : plan.destinations()) {
            rebuild(plan.name(), new Catalog(destination));
        }
    }

    /**
     * Reads the newest backup of a plan tracked with {@link #track(BackupPlan)} from each of its
     * destinations again (one listing and one manifest each): it finds what was stored without an
     * event, such as shipped log files, or by another instance. A plan tracked by name only, or a
     * destination that cannot be read, changes nothing.
     *
     * @param plan the plan's name
     */
    public void refresh(String plan) {
        List<Destination> sources;
        synchronized (this) {
            Entry entry = plans.get(plan);
            sources = entry == null ? List.of() : entry.sources;
        }
        for (Destination destination : sources) {
            try {
                Catalog catalog = new Catalog(destination);
                catalog.newestId(plan).map(id -> catalog.find(plan, id.value())).ifPresent(manifest -> recordSuccess(plan,
                        destination.description(), BackupSummary.of(manifest, manifest.finishedAt())));
            } catch (DamagedBackupException e) {
                recordDamage(plan, destination.description(), e.damaged());
            } catch (PlanBException e) {
                LOG.debug("Plan '{}': cannot read the newest backup on {}: {}", plan, destination.description(),
                        e.getMessage());
            }
            readHolds(plan, destination);
        }
    }

    /** Reads the holds of a plan on a destination: a release or a hold placed on another host shows. */
    private void readHolds(String plan, Destination destination) {
        try {
            List<Hold> holds = new Holds(destination, clock).list(plan);
            synchronized (this) {
                entry(plan).destination(destination.description()).holds = holds;
            }
        } catch (PlanBException e) {
            LOG.debug("Plan '{}': cannot read the holds on {}: {}", plan, destination.description(), e.getMessage());
        }
    }

    /**
     * Tracks a plan by name. A plan that has never had a backup becomes stale once {@code maxAge}
     * has passed since it was first tracked.
     *
     * @param plan the plan's name
     * @param maxAge the plan's max age, or empty not to watch staleness
     */
    public synchronized void track(String plan, Optional<Duration> maxAge) {
        Entry entry = plans.computeIfAbsent(plan, name -> new Entry(clock.instant()));
        entry.maxAge = maxAge.orElse(null);
    }

    /**
     * Records the newest backup of {@code plan} on the catalog's destination, read from its manifests; a
     * destination that cannot be read is recorded as its last failure and logged.
     *
     * @param plan the plan's name
     * @param catalog the catalog of one of the plan's destinations
     */
    public void rebuild(String plan, Catalog catalog) {
        String destination = catalog.destination().description();
        CatalogScan scan;
        try {
            scan = catalog.scan(plan);
        } catch (PlanBException e) {
            LOG.warn("Plan '{}': cannot read the backups on {}: {}", plan, destination, e.getMessage());
            recordDestinationFailure(plan, destination, new Failure(clock.instant(), e.getMessage()));
            return;
        }
        // By start time: ids tie within a second.
        scan.backups().stream().findFirst().ifPresent(manifest -> recordSuccess(plan, destination,
                BackupSummary.of(manifest, manifest.finishedAt())));
        synchronized (this) {
            entry(plan).destination(destination).damaged = scan.damaged();
        }
        readHolds(plan, catalog.destination());
        readLastVerification(plan, catalog.destination());
    }

    /**
     * Reads the newest verification of a plan on a destination ({@code verification-*.json}, written by drills on
     * any instance), so a restart does not forget the last drill; an event seen since is not replaced by an older
     * record.
     */
    private void readLastVerification(String plan, Destination destination) {
        Optional<VerificationRecord> record;
        try {
            record = new VerificationLog(destination).newest(plan);
        } catch (PlanBException e) {
            LOG.debug("Plan '{}': cannot read the verifications on {}: {}", plan, destination.description(),
                    e.getMessage());
            return;
        }
        record.map(StatusBoard::summary).ifPresent(summary -> {
            synchronized (this) {
                Entry entry = entry(plan);
                if (entry.lastVerification == null || summary.time().isAfter(entry.lastVerification.time())) {
                    entry.lastVerification = summary;
                }
            }
        });
    }

    private static VerificationSummary summary(VerificationRecord record) {
        List<String> problems = record.passed() ? List.of()
                : record.problems().isEmpty() ? List.of("the verification failed") : record.problems();
        return new VerificationSummary(record.finishedAt(), new BackupId(record.backupId()), problems,
                record.recoveryMillis() == null ? null : Duration.ofMillis(record.recoveryMillis()));
    }

    private synchronized void recordDamage(String plan, String destination, DamagedBackup damaged) {
        DestinationEntry entry = entry(plan).destination(destination);
        if (!entry.damaged.contains(damaged)) {
            List<DamagedBackup> all = new ArrayList<>(entry.damaged);
            all.add(damaged);
            all.sort(Comparator.comparing(DamagedBackup::id).reversed());
            entry.damaged = List.copyOf(all);
        }
    }

    @Override
    public synchronized void onEvent(PlanBEvent event) {
        Entry entry = entry(event.plan());
        if (event instanceof BackupStarted) {
            entry.running = true;
            entry.progress = null;
        } else if (event instanceof BackupProgress progress) {
            entry.running = !progress.progress().done();
            entry.progress = progress.progress();
        } else if (event instanceof BackupSucceeded succeeded) {
            entry.finishRun();
            if (entry.lastChange != null && entry.lastChange.heldUntil().isEmpty()) {
                entry.lastChange = null; // nothing holds it: shown until the next backup
            }
            BackupSummary summary = BackupSummary.of(succeeded.result().manifest(), event.time());
            for (DestinationResult result : succeeded.result().destinations()) {
                if (result.succeeded()) {
                    recordSuccess(event.plan(), result.destination(), summary);
                } else {
                    recordDestinationFailure(event.plan(), result.destination(),
                            new Failure(event.time(), result.error()));
                }
            }
        } else if (event instanceof BackupFailed failed) {
            entry.finishRun();
            entry.lastFailure = new Failure(event.time(), failed.message());
        } else if (event instanceof DestinationFailed failed) {
            recordDestinationFailure(event.plan(), failed.destination(), new Failure(event.time(), failed.message()));
        } else if (event instanceof Verified verified) {
            entry.lastVerification = new VerificationSummary(event.time(), verified.result().manifest().id(),
                    verified.result().problems(), verified.result().recoveryTime());
        } else if (event instanceof VerificationFailed failed) {
            entry.lastVerification = new VerificationSummary(event.time(), failed.backupId(), failed.problems(), null);
        } else if (event instanceof DestructiveChange change) {
            entry.lastChange = change;
        }
    }

    /**
     * Tells where a plan stands.
     *
     * @param plan the plan's name
     * @return the status of a tracked plan, or of a plan seen in events; empty for a plan never seen
     */
    public synchronized Optional<PlanStatus> status(String plan) {
        Entry entry = plans.get(plan);
        return entry == null ? Optional.empty() : Optional.of(entry.status(plan, clock.instant()));
    }

    /** {@return the status of every plan, in the order they were first tracked or seen} */

    public synchronized List<PlanStatus> all() {
        Instant now = clock.instant();
        List<PlanStatus> statuses = new ArrayList<>();
        plans.forEach((plan, entry) -> statuses.add(entry.status(plan, now)));
        return statuses;
    }

    private synchronized void recordSuccess(String plan, String destination, BackupSummary summary) {
        Entry entry = entry(plan);
        entry.destination(destination).lastSuccess = newer(entry.destination(destination).lastSuccess, summary);
        entry.lastSuccess = newer(entry.lastSuccess, summary);
    }

    private synchronized void recordDestinationFailure(String plan, String destination, Failure failure) {
        entry(plan).destination(destination).lastFailure = failure;
    }

    private Entry entry(String plan) {
        return plans.computeIfAbsent(plan, name -> new Entry(clock.instant()));
    }

    private static BackupSummary newer(BackupSummary current, BackupSummary candidate) {
        return current == null || candidate.time().isAfter(current.time()) ? candidate : current;
    }

    /** What the board knows about one plan. */
    private static final class Entry {
        final Instant trackedSince;
        final Map<String, DestinationEntry> destinations = new LinkedHashMap<>();
        List<Destination> sources = List.of();
        Duration maxAge;
        boolean running;
        Progress progress;
        BackupSummary lastSuccess;
        Failure lastFailure;
        VerificationSummary lastVerification;
        DestructiveChange lastChange;

        Entry(Instant trackedSince) {
            this.trackedSince = trackedSince;
        }

        DestinationEntry destination(String description) {
            return destinations.computeIfAbsent(description, name -> new DestinationEntry());
        }

        void finishRun() {
            running = false;
            progress = null;
        }

        boolean isStale(Instant now) {
            Instant since = lastSuccess == null ? trackedSince : lastSuccess.time();
            return maxAge != null && Duration.between(since, now).compareTo(maxAge) > 0;
        }

        PlanStatus status(String plan, Instant now) {
            List<DestinationStatus> perDestination = new ArrayList<>();
            destinations.forEach((name, destination) -> perDestination.add(new DestinationStatus(name,
                    Optional.ofNullable(destination.lastSuccess), Optional.ofNullable(destination.lastFailure),
                    destination.damaged)));
            boolean damaged = perDestination.stream().anyMatch(destination -> destination.newestDamaged().isPresent());
            Optional<DestructiveChange> change = openChange(plan, now);
            PlanState state = isStale(now) ? PlanState.STALE : damaged ? PlanState.DAMAGED
                    : change.isPresent() ? PlanState.DESTRUCTIVE_CHANGE : running ? PlanState.RUNNING : PlanState.IDLE;
            return new PlanStatus(plan, state, Optional.ofNullable(progress), Optional.ofNullable(lastSuccess),
                    Optional.ofNullable(lastFailure), Optional.ofNullable(lastVerification),
                    Optional.empty(), Optional.ofNullable(maxAge), perDestination, change, activeHolds(now));
        }

        /** The active holds over every destination, each once, newest first. */
        List<Hold> activeHolds(Instant now) {
            Map<String, Hold> byId = new LinkedHashMap<>();
            destinations.values().forEach(destination -> destination.holds.stream().filter(hold -> hold.isActive(now))
                    .forEach(hold -> byId.putIfAbsent(hold.id().value(), hold)));
            return byId.values().stream().sorted(Comparator.comparing(Hold::id).reversed()).toList();
        }

        /**
         * The destructive change still open: the one an event reported, until its hold ends (released on any
         * destination, or expired) or, when nothing was held, until the next backup; else the newest active hold
         * placed for a change, as read from the destinations.
         */
        Optional<DestructiveChange> openChange(String plan, Instant now) {
            if (lastChange != null) {
                boolean ended = lastChange.heldUntil().map(until -> !now.isBefore(until)).orElse(false)
                        || destinations.values().stream().flatMap(destination -> destination.holds.stream())
                                .anyMatch(hold -> hold.backupId().equals(lastChange.previousId())
                                        && hold.changedIn().equals(Optional.of(lastChange.backupId()))
                                        && !hold.isActive(now));
                return ended ? Optional.empty() : Optional.of(lastChange);
            }
            return activeHolds(now).stream().filter(Hold::isForDestructiveChange).findFirst()
                    .map(hold -> new DestructiveChange(plan, hold.createdAt(), hold.changedIn().orElseThrow(),
                            hold.backupId(), hold.changes(), destinations.entrySet().stream()
                                    .filter(entry -> entry.getValue().holds.stream().anyMatch(
                                            other -> other.id().equals(hold.id()) && other.isActive(now)))
                                    .map(Map.Entry::getKey).toList(), Optional.of(hold.expiresAt())));
        }
    }

    /** What the board knows about one destination of a plan. */
    private static final class DestinationEntry {
        BackupSummary lastSuccess;
        Failure lastFailure;
        List<DamagedBackup> damaged = List.of();
        List<Hold> holds = List.of();
    }
}
