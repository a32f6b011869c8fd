/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.event.BackupSkipped;
import dev.planb.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's ticks (a backup plan's or a pull's): arms a timer for the next tick (plus jitter),
 * hands each tick to the worker pool unless the previous run is still going (then the tick is
 * skipped and reported), and runs a catch-up at start-up.
 */
final class ScheduledPlan {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledPlan.class);
    /** How often a run waiting for the plan to be idle looks whether the runtime closed meanwhile. */
    private static final long IDLE_POLL_MILLIS = 1000;

    private final ScheduledJob job;
    private final Schedule schedule;
    private final PlanScheduler scheduler;
    private final AtomicReference<ScheduledJob.JobRun> current = new AtomicReference<>();
    private volatile Instant nextTick;
    private volatile ScheduledFuture<?> armed;

    ScheduledPlan(ScheduledJob job, PlanScheduler scheduler) {
        this.job = job;
        this.schedule = job.schedule();
        this.scheduler = scheduler;
    }

    ScheduledJob job() {
        return job;
    }

    Optional<Instant> nextTick() {
        return Optional.ofNullable(nextTick);
    }

    void start() {
        Instant now = scheduler.clock().instant();
        schedule.catchUpAfter().ifPresent(age -> submit(Trigger.catchUp(now, age)));
        armAfter(now);
    }

    /**
     * Starts a run now, outside the schedule; skipped (and reported) while a run is going, except the catch-up at
     * start-up, which it waits for (the catch-up may find a recent backup and make none).
     */
    void runNow() {
        submit(Trigger.onDemand(scheduler.clock().instant()));
    }

    /**
     * Starts {@code run} on the worker pool once the run going now, if any, has ended (a run is never
     * skipped for it, nor it for a run); returns when it has started, without waiting for it to end.
     *
     * @return false when the runtime closed before it could start
     */
    boolean startWhenIdle(ScheduledJob.JobRun run) throws InterruptedException {
        synchronized (this) {
            while (!current.compareAndSet(null, run)) {
                if (scheduler.isClosed()) {
                    return false;
                }
                wait(IDLE_POLL_MILLIS);
            }
        }
        return execute(run);
    }

    /** Stops ticking; a running run goes on. */
    void stopTicking() {
        ScheduledFuture<?> timer = armed;
        if (timer != null) {
            timer.cancel(false);
        }
        nextTick = null;
    }

    /** Cancels the running run, if any; returns without waiting for it. */
    void cancelRunning() {
        ScheduledJob.JobRun running = current.get();
        if (running != null) {
            running.cancel(new PlanBException(ErrorCode.CANCELLED, "Backup of plan '" + job.name()
                    + "' was stopped because PlanB is shutting down: it left no backup"));
        }
    }

    private void armAfter(Instant after) {
        Optional<Instant> tick = schedule.nextTick(after);
        if (tick.isEmpty()) {
            LOG.info("Plan '{}' has no more runs: {} never fires again", job.name(), schedule);
            nextTick = null;
            return;
        }
        nextTick = tick.get();
        long delay = Math.max(0, Duration.between(scheduler.clock().instant(), tick.get()).toMillis()) + jitterMillis();
        try {
            armed = scheduler.timer().schedule(() -> fire(tick.get()), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            nextTick = null; // shutting down
        }
    }

    private void fire(Instant tick) {
        if (scheduler.isClosed()) {
            return;
        }
        Instant now = scheduler.clock().instant();
        // Ticks missed while the process was suspended are not made up one by one.
        armAfter(now.isAfter(tick) ? now : tick);
        submit(Trigger.tick(tick));
    }

    private void submit(Trigger trigger) {
        ScheduledJob.JobRun execution = job.newRun(trigger, scheduler);
        if (!current.compareAndSet(null, execution)) {
            ScheduledJob.JobRun running = current.get();
            if (trigger.onDemand() && running != null && running.trigger().isCatchUp()) {
                // The catch-up at start-up may find a recent backup and make none: a backup asked for now waits for
                // it instead of being lost to it.
                runAfter(execution);
                return;
            }
            String message = "the run for " + (running == null ? "the previous tick" : running.trigger())
                    + " is still going";
            LOG.warn("Plan '{}' skipped its tick at {}: {}", job.name(), trigger.time(), message);
            scheduler.events().publish(new BackupSkipped(job.name(), scheduler.clock().instant(), trigger.time(),
                    BackupSkipped.Reason.STILL_RUNNING, message));
            return;
        }
        execute(execution);
    }

    /** Starts {@code run} on the worker pool once the run going now has ended; never when the runtime closes first. */
    private void runAfter(ScheduledJob.JobRun run) {
        try {
            scheduler.workers().execute(() -> {
                try {
                    startWhenIdle(run);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // closing
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Plan '{}': the runtime is closing; the backup asked for now does not run", job.name());
        }
    }

    /** Runs the current run on the worker pool; false when the pool is shut down (it then never runs). */
    private boolean execute(ScheduledJob.JobRun execution) {
        try {
            scheduler.workers().execute(() -> {
                try {
                    execution.run();
                } finally {
                    ended(execution);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            ended(execution); // shutting down
            return false;
        }
    }

    private synchronized void ended(ScheduledJob.JobRun run) {
        current.compareAndSet(run, null);
        notifyAll();
    }

    private long jitterMillis() {
        long bound = schedule.jitter().toMillis();
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound);
    }
}
