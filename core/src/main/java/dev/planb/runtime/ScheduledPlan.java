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

    /** Starts a run now, outside the schedule; skipped (and reported) while a run is going. */
    void runNow() {
        submit(Trigger.onDemand(scheduler.clock().instant()));
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
            String message = "the run for " + (running == null ? "the previous tick" : running.trigger())
                    + " is still going";
            LOG.warn("Plan '{}' skipped its tick at {}: {}", job.name(), trigger.time(), message);
            scheduler.events().publish(new BackupSkipped(job.name(), scheduler.clock().instant(), trigger.time(),
                    BackupSkipped.Reason.STILL_RUNNING, message));
            return;
        }
        try {
            scheduler.workers().execute(() -> {
                try {
                    execution.run();
                } finally {
                    current.compareAndSet(execution, null);
                }
            });
        } catch (RejectedExecutionException e) {
            current.compareAndSet(execution, null); // shutting down
        }
    }

    private long jitterMillis() {
        long bound = schedule.jitter().toMillis();
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound);
    }
}
