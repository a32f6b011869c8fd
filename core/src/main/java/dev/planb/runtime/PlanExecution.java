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
                        if (control.cancellation().isEmpty()) {
                            drills.runIfDue(plan);
                        }
                    }
                }
            } finally {
                control.finish();
            }
        });
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
        Instant now = clock.instant();
        events.publish(new BackupFailed(plan.name(), now, reason.code(), reason.getMessage(), elapsed(now)));
        worker.interrupt();
        return true;
    }

    private Optional<Lease> acquireLock() {
        try {
            Optional<Lease> lease = plan.lock().tryAcquire(plan.name());
            if (lease.isEmpty()) {
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
                    progress -> events.publish(new BackupProgress(plan.name(), clock.instant(), progress)), clock, control)
                    .execute();
            Instant now = clock.instant();
            for (DestinationResult failure : result.failures()) {
                events.publish(new DestinationFailed(plan.name(), now, result.id(), failure.destination(), failure.error()));
            }
            events.publish(new BackupSucceeded(plan.name(), now, result, elapsed(now)));
            watchForDestructiveChange(result);
            applyRetention(result);
            removeLeftovers(result);
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
        LOG.info("Plan '{}' skipped its tick at {}: {}", plan.name(), trigger.time(), why);
        events.publish(new BackupSkipped(plan.name(), clock.instant(), trigger.time(), reason, why));
    }

    private void fail(ErrorCode code, String message) {
        Instant now = clock.instant();
        events.publish(new BackupFailed(plan.name(), now, code, message, elapsed(now)));
    }

    private Duration elapsed(Instant now) {
        Instant from = began != null ? began : now;
        return Duration.between(from, now);
    }
}
