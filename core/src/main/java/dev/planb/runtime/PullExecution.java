/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.event.PullFailed;
import dev.planb.pull.PullJob;
import dev.planb.schedule.Schedule;
import dev.planb.spi.support.Messages;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled run of a pull. A pull that is stopped midway leaves nothing partial visible
 * and the next run carries on, so stopping it only interrupts its thread.
 */
final class PullExecution implements ScheduledJob.JobRun {

    private static final Logger LOG = LoggerFactory.getLogger(PullExecution.class);

    private final PullJob job;
    private final Trigger trigger;
    private final PlanScheduler scheduler;
    private final WorkerThread worker = new WorkerThread();

    PullExecution(PullJob job, Trigger trigger, PlanScheduler scheduler) {
        this.job = job;
        this.trigger = trigger;
        this.scheduler = scheduler;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public void run() {
        worker.run(() -> {
            try {
                job.run(scheduler.events()::publish);
            } catch (RuntimeException e) {
                LOG.warn("Pull '{}' from {} failed: {}", job.name(), job.source().description(), Messages.firstLine(e));
                scheduler.events().publish(new PullFailed(job.name(), scheduler.clock().instant(), Optional.empty(),
                        job.source().description(), e instanceof PlanBException planb ? planb.code()
                                : ErrorCode.INTERNAL, Messages.firstLine(e)));
            }
        });
    }

    @Override
    public boolean cancel(PlanBException reason) {
        if (!worker.interrupt()) {
            return false;
        }
        LOG.info("Pull '{}' stopped ({}); the next run carries on where it stopped", job.name(), reason.getMessage());
        return true;
    }

    /**
     * A scheduled pull.
     *
     * @param job a pull that has a schedule
     */
    record Job(PullJob job) implements ScheduledJob {

        @Override
        public String name() {
            return job.name();
        }

        @Override
        public Schedule schedule() {
            return job.schedule().orElseThrow();
        }

        @Override
        public JobRun newRun(Trigger trigger, PlanScheduler scheduler) {
            return new PullExecution(job, trigger, scheduler);
        }
    }
}
