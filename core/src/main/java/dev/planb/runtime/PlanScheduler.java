/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import dev.planb.internal.Durations;
import dev.planb.pull.PullJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled plans: one timer thread arms every plan's ticks, and a small pool of worker
 * threads runs the backups. Closing stops the ticks, lets running backups finish within the
 * shutdown grace period, stops those still going (they then leave nothing visible) and waits for
 * the workers to end.
 */
public final class PlanScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanScheduler.class);
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Map<String, ScheduledPlan> plans = new LinkedHashMap<>();
    private final EventPublisher events;
    private final PlanDrills drills;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor workers;
    private final Duration shutdownGrace;
    private volatile boolean closed;

    /**
     * Makes a scheduler for the plans and pulls; nothing runs until {@link #start()}.
     *
     * @param plans plans that each have a schedule, with distinct names
     * @param pulls pulls that each have a schedule, with names distinct from each other and the plans'
     * @param events receives every run's events
     * @param clock the clock for ticks and backup ids
     * @param threads how many backups may run at once
     * @param shutdownGrace how long {@link #close()} lets running backups finish before it stops them (zero: stop at once)
     */
    public PlanScheduler(List<BackupPlan> plans, List<PullJob> pulls, EventPublisher events, Clock clock, int threads,
            Duration shutdownGrace) {
        this.shutdownGrace = shutdownGrace;
        this.events = events;
        this.clock = clock;
        this.drills = new PlanDrills(plans, events, clock);
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("planb-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("planb-run"));
        plans.forEach(plan -> this.plans.put(plan.name(), new ScheduledPlan(new BackupJob(plan), this)));
        pulls.forEach(pull -> this.plans.put(pull.name(), new ScheduledPlan(new PullExecution.Job(pull), this)));
    }

    /** Arms every plan's first tick and starts the catch-up runs that are due. */
    public void start() {
        plans.values().forEach(ScheduledPlan::start);
        LOG.info("PlanB started with {} plan(s): {}", plans.size(), plans.values().stream()
                .map(plan -> plan.job().name() + " (" + plan.job().schedule() + ")").toList());
    }

    /**
     * Tells when a plan runs next.
     *
     * @param plan the plan's (or pull's) name
     * @return the next scheduled tick, or empty when it has none or the plan is unknown
     */
    public Optional<Instant> nextTick(String plan) {
        ScheduledPlan scheduled = plans.get(plan);
        return scheduled == null ? Optional.empty() : scheduled.nextTick();
    }

    /**
     * Runs a plan now, outside its schedule, on the worker pool.
     *
     * @param plan the plan's (or pull's) name
     * @return false when the plan is unknown or the runtime is closed
     */
    public boolean runNow(String plan) {
        ScheduledPlan scheduled = plans.get(plan);
        if (scheduled == null || closed) {
            return false;
        }
        scheduled.runNow();
        return true;
    }

    /**
     * Backs up a plan now, with {@code label} in its manifest, and waits for the backup: once the plan's run going
     * now (if any) has ended, on the worker pool, with the plan's lock, timeout, retention and events (a drill due
     * after it runs after it returns).
     *
     * @param plan the plan's name
     * @param label the backup's label, or {@code null} for none
     * @return the backup
     * @throws IllegalArgumentException when {@code label} is not one short line of text
     * @throws PlanBException saying why when the plan is unknown, the runtime closed, or the backup failed,
     *     was stopped or was skipped (another instance holds the plan's lock)
     */
    public BackupResult backupAndWait(String plan, String label) {
        ScheduledPlan scheduled = plans.get(plan);
        if (scheduled == null || !(scheduled.job() instanceof BackupJob job)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "No plan '" + plan + "' in this PlanB runtime; its"
                    + " plans are " + plans().stream().map(BackupPlan::name).toList());
        }
        PlanExecution execution = job.newRun(Trigger.labelled(clock.instant(), Manifest.checkLabel(label)), this);
        try {
            if (!scheduled.startWhenIdle(execution)) {
                throw closedBefore(plan);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanBException(ErrorCode.CANCELLED, "Backup of plan '" + plan + "' was interrupted before it"
                    + " started", e);
        }
        try {
            return execution.outcome().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof PlanBException cause ? cause : new PlanBException(ErrorCode.INTERNAL,
                    "Backup of plan '" + plan + "' failed: " + Messages.firstLine(e.getCause()), e.getCause());
        }
    }

    private static PlanBException closedBefore(String plan) {
        return new PlanBException(ErrorCode.CANCELLED, "Backup of plan '" + plan + "' did not run: PlanB is shutting"
                + " down");
    }

    /**
     * Drills a plan's newest backup now (restore into a scratch database and check), on the worker pool.
     *
     * @param plan the plan's name
     * @return false when the plan is unknown (or is a pull) or the runtime is closed
     */
    public boolean verifyNow(String plan) {
        ScheduledPlan scheduled = plans.get(plan);
        if (scheduled == null || closed || !(scheduled.job() instanceof BackupJob job)) {
            return false;
        }
        try {
            workers.execute(() -> drills.drillNow(job.plan()));
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shutting down
        }
    }

    /**
     * Runs {@code task} on the timer thread now, then every {@code period} until {@link #close()};
     * a failure is logged and the next period runs again.
     *
     * @param name what the task does, for the log when it fails
     * @param task the task
     * @param period the delay between the end of one run and the start of the next
     */
    public void repeat(String name, Runnable task, Duration period) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("PlanB {} failed: {}", name, e.toString());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@return the backup plans (not the pulls), in the order given} */

    public List<BackupPlan> plans() {
        return plans.values().stream().map(ScheduledPlan::job).filter(BackupJob.class::isInstance)
                .map(job -> ((BackupJob) job).plan()).toList();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        plans.values().forEach(ScheduledPlan::stopTicking);
        // A backup already committing must not be interrupted, so the pool is shut down without shutdownNow().
        workers.shutdown();
        workers.getQueue().clear();
        try {
            if (!shutdownGrace.isZero() && workers.getActiveCount() > 0) {
                LOG.info("PlanB is stopping: waiting up to {} for running backups to finish",
                        Durations.format(shutdownGrace));
                if (!workers.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("PlanB is stopping: backups still running after {} are stopped and leave no backup",
                            Durations.format(shutdownGrace));
                }
            }
            plans.values().forEach(ScheduledPlan::cancelRunning);
            if (!workers.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("PlanB closed while a backup was still stopping; it will leave no backup behind");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
        LOG.info("PlanB stopped");
    }

    boolean isClosed() {
        return closed;
    }

    Clock clock() {
        return clock;
    }

    EventPublisher events() {
        return events;
    }

    PlanDrills drills() {
        return drills;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService workers() {
        return workers;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
