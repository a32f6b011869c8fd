/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.spi.Manifest;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupProgress;
import dev.planb.event.BackupSkipped;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestinationFailed;
import dev.planb.event.Pruned;
import dev.planb.internal.Durations;
import dev.planb.internal.pipeline.RunControl;
import dev.planb.spi.PlanLock.Lease;
import dev.planb.retention.LeftoverCleaner;
import dev.planb.internal.run.BackupRun;
import dev.planb.retention.PruneReport;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanLock.Lease;
import dev.planb.spi.support.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a plan on a worker thread: take the plan's lock, check that no other instance
 * already served the trigger, back up under the plan's timeout, and report every step as an
 * event. {@link #cancel} stops it from another thread (timeout, shutdown) unless it is already
 * committing, and reports the failure at once.
 */
final class PlanExecution implements ScheduledJob.JobRun {

    private static final Logger LOG = LoggerFactory.getLogger(PlanExecution.class);
    /** How often a labelled run looks whether the plan's lock is free again. */
    private static final long LOCK_POLL_MILLIS = 500;

    private final BackupPlan plan;
    private final Trigger trigger;
    private final Clock clock;
    private final EventPublisher events;
    private final ScheduledExecutorService timer;
    private final RunControl control;
    private final PlanDrills drills;
    private volatile Instant began;
    private volatile BackupId backupId;
    private final WorkerThread worker = new WorkerThread();
    private final CompletableFuture<BackupResult> outcome = new CompletableFuture<>();
    private volatile BackupResult stored;
    private volatile PlanBException failure;

    PlanExecution(BackupPlan plan, Trigger trigger, Clock clock, EventPublisher events, ScheduledExecutorService timer,
            PlanDrills drills) {
        this.plan = plan;
        this.drills = drills;
        this.trigger = trigger;
        this.clock = clock;
        this.events = events;
        this.timer = timer;
        this.control = new RunControl(this::started);
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    /**
     * The run's backup, once it is stored; completed exceptionally with a {@link PlanBException} saying why
     * when the run fails, is stopped or is skipped.
     */
    CompletableFuture<BackupResult> outcome() {
        return outcome;
    }

    /** Runs on the calling (worker) thread. */
    @Override
    public void run() {
        worker.run(() -> {
            try {
                Optional<Lease> lease = acquireLock();
                if (lease.isPresent()) {
                    try (Lease held = lease.get()) {
                        backupUnlessDone();
                        control.finish(); // a drill is not a backup: a late timeout or shutdown no longer fails the run
                        settle();
                        if (control.cancellation().isEmpty()) {
                            drills.runIfDue(plan);
                        }
                    }
                }
            } finally {
                control.finish();
                settle();
            }
        });
    }

    /** Completes the outcome once nothing can stop the run any more: its backup, or why there is none. */
    private void settle() {
        if (stored != null) {
            outcome.complete(stored);
        } else {
            outcome.completeExceptionally(failure != null ? failure : control.cancellation().orElseGet(() ->
                    new PlanBException(ErrorCode.INTERNAL, "Backup of plan '" + plan.name() + "' ended without a result")));
        }
    }

    /**
     * Stops the run unless it is committing or over; then reports it as failed with {@code reason}.
     *
     * @return whether the run was stopped (nothing of it will be visible)
     */
    @Override
    public boolean cancel(PlanBException reason) {
        if (!control.cancel(reason)) {
            return false;
        }
        LOG.warn("{}", reason.getMessage());
        outcome.completeExceptionally(reason);
        Instant now = clock.instant();
        events.publish(new BackupFailed(plan.name(), now, reason.code(), reason.getMessage(), elapsed(now)));
        worker.interrupt();
        return true;
    }

    private Optional<Lease> acquireLock() {
        try {
            Optional<Lease> lease = plan.lock().tryAcquire(plan.name());
            if (lease.isEmpty() && trigger.label() != null) {
                lease = awaitLock();
            }
            if (lease.isEmpty() && control.cancellation().isEmpty()) {
                skip(BackupSkipped.Reason.LOCKED_ELSEWHERE, "another instance holds the plan's " + plan.lock().description());
            }
            return lease;
        } catch (PlanBException e) {
            fail(e.code(), e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("The {} of plan '{}' failed unexpectedly", plan.lock().description(), plan.name(), e);
            fail(ErrorCode.INTERNAL, "Cannot take the " + plan.lock().description() + " for plan '" + plan.name()
                    + "': " + Messages.firstLine(e));
            return Optional.empty();
        }
    }

    /**
     * For a labelled run, which someone waits for (e.g. migrations at start-up): waits for another instance's run
     * to release the plan's lock, up to the plan's timeout; empty when the lock stays taken or the run is stopped.
     */
    private Optional<Lease> awaitLock() {
        LOG.info("Plan '{}': another instance holds the plan's {}; backup '{}' waits for it (at most {})", plan.name(),
                plan.lock().description(), trigger.label(), Durations.format(plan.timeout()));
        Instant deadline = clock.instant().plus(plan.timeout());
        Optional<Lease> lease = Optional.empty();
        try {
            while (lease.isEmpty() && control.cancellation().isEmpty() && clock.instant().isBefore(deadline)) {
                Thread.sleep(LOCK_POLL_MILLIS);
                lease = plan.lock().tryAcquire(plan.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped: the cancellation reports it
        }
        return lease;
    }

    private void backupUnlessDone() {
        Instant now = clock.instant();
        Optional<BackupId> newest = newestBackup();
        if (trigger.satisfiedBy(newest, now)) {
            if (trigger.isCatchUp()) {
                LOG.debug("Plan '{}' needs no catch-up run: backup {} is recent", plan.name(), newest.get());
            } else {
                skip(BackupSkipped.Reason.ALREADY_DONE, "another instance already made backup " + newest.get()
                        + " for this tick");
            }
            return;
        }
        if (trigger.isCatchUp()) {
            LOG.info("Plan '{}' missed a run ({}): backing up now", plan.name(),
                    newest.map(id -> "newest backup " + id).orElse("no backup yet"));
        }
        backup();
    }

    private void backup() {
        if (control.cancellation().isPresent()) {
            return;
        }
        began = clock.instant();
        ScheduledFuture<?> deadline = timer.schedule(() -> cancel(timedOut()), plan.timeout().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            BackupResult result = new BackupRun(plan,
                    progress -> events.publish(new BackupProgress(plan.name(), clock.instant(), progress)), clock, control,
                    trigger.label()).execute();
            Instant now = clock.instant();
            for (DestinationResult failure : result.failures()) {
                events.publish(new DestinationFailed(plan.name(), now, result.id(), failure.destination(), failure.error()));
            }
            events.publish(new BackupSucceeded(plan.name(), now, result, elapsed(now)));
            watchForDestructiveChange(result);
            applyRetention(result);
            removeLeftovers(result);
            stored = result;
        } catch (PlanBException e) {
            if (control.cancellation().isEmpty()) {
                fail(e.code(), e.getMessage());
            }
        } catch (RuntimeException e) {
            if (control.cancellation().isEmpty()) {
                LOG.error("Backup of plan '{}' failed unexpectedly", plan.name(), e);
                fail(ErrorCode.INTERNAL, "Backup of plan '" + plan.name() + "' failed: " + Messages.firstLine(e));
            }
        } finally {
            deadline.cancel(false);
        }
    }

    /** Before retention: a destructive change holds the last good backup, so the prune that follows keeps it. */
    private void watchForDestructiveChange(BackupResult result) {
        try {
            new ChangeWatch(plan, clock).check(result).ifPresent(events::publish);
        } catch (RuntimeException e) {
            LOG.warn("Plan '{}': cannot compare backup {} with the previous one: {}", plan.name(), result.id(),
                    Messages.firstLine(e));
        }
    }

    /** Prunes every destination that has a policy and holds the new backup. */
    private void applyRetention(BackupResult result) {
        for (Destination destination : plan.destinations()) {
            Optional<RetentionPolicy> policy = plan.retention(destination);
            boolean stored = result.destinations().stream()
                    .anyMatch(entry -> entry.succeeded() && entry.destination().equals(destination.description()));
            if (policy.isEmpty() || !stored) {
                continue;
            }
            try {
                PruneReport report = new Pruner(destination).prune(plan.name(), policy.get(), clock.instant(), false);
                events.publish(new Pruned(plan.name(), clock.instant(), destination.description(), report.deleted(),
                        report.kept(), report.problems()));
                report.damaged().forEach(row -> events.publish(new BackupDamaged(plan.name(), clock.instant(),
                        destination.description(), row.backup().id(), row.backup().location() + " "
                                + row.backup().reason())));
            } catch (RuntimeException e) {
                LOG.warn("Cannot prune plan '{}' on {}: {}", plan.name(), destination.description(), e.getMessage());
                events.publish(new Pruned(plan.name(), clock.instant(), destination.description(), List.of(), 0,
                        List.of("cannot prune: " + Messages.firstLine(e))));
            }
        }
    }

    /**
     * Removes what killed runs of this plan left on the destinations that hold the new backup: anything started
     * more than the plan's timeout ago belongs to no running backup.
     */
    private void removeLeftovers(BackupResult result) {
        Instant startedBefore = clock.instant().minus(plan.timeout());
        for (Destination destination : plan.destinations()) {
            boolean stored = result.destinations().stream()
                    .anyMatch(entry -> entry.succeeded() && entry.destination().equals(destination.description()));
            if (!stored) {
                continue;
            }
            try {
                new LeftoverCleaner(destination).clean(plan.name(), startedBefore, false);
            } catch (RuntimeException e) {
                LOG.warn("Cannot remove the leftovers of plan '{}' on {}: {}", plan.name(), destination.description(),
                        Messages.firstLine(e));
            }
        }
    }

    private PlanBException timedOut() {
        return new PlanBException(ErrorCode.TIMED_OUT, "Backup " + (backupId == null ? "" : backupId + " ")
                + "of plan '" + plan.name() + "' timed out after " + Durations.format(plan.timeout())
                + ": it was stopped and left no backup; raise the plan's timeout if the database needs longer");
    }

    private void started(BackupId id) {
        backupId = id;
        events.publish(new BackupStarted(plan.name(), clock.instant(), id));
    }

    private Optional<BackupId> newestBackup() {
        Optional<BackupId> newest = Optional.empty();
        for (Destination destination : plan.destinations()) {
            try {
                // Dumps only: a shipped log file or a base backup is not this tick's dump.
                Optional<BackupId> here = new Catalog(destination).newest(plan.name(), Manifest::isDump).map(Manifest::id);
                if (here.isPresent() && (newest.isEmpty() || here.get().compareTo(newest.get()) > 0)) {
                    newest = here;
                }
            } catch (RuntimeException e) {
                LOG.debug("Cannot list {} for plan '{}': {}", destination.description(), plan.name(), e.getMessage());
            }
        }
        return newest;
    }

    private void skip(BackupSkipped.Reason reason, String why) {
        failure = new PlanBException(ErrorCode.CANCELLED, "Backup of plan '" + plan.name() + "' was skipped: " + why);
        LOG.info("Plan '{}' skipped its tick at {}: {}", plan.name(), trigger.time(), why);
        events.publish(new BackupSkipped(plan.name(), clock.instant(), trigger.time(), reason, why));
    }

    private void fail(ErrorCode code, String message) {
        failure = new PlanBException(code, message);
        Instant now = clock.instant();
        events.publish(new BackupFailed(plan.name(), now, code, message, elapsed(now)));
    }

    private Duration elapsed(Instant now) {
        Instant from = began != null ? began : now;
        return Duration.between(from, now);
    }
}
