/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.schedule.Schedule;

/**
 * A scheduled backup plan.
 *
 * @param plan a plan that has a schedule
 */
record BackupJob(BackupPlan plan) implements ScheduledJob {

    @Override
    public String name() {
        return plan.name();
    }

    @Override
    public Schedule schedule() {
        return plan.schedule().orElseThrow();
    }

    @Override
    public PlanExecution newRun(Trigger trigger, PlanScheduler scheduler) {
        return new PlanExecution(plan, trigger, scheduler.clock(), scheduler.events(), scheduler.timer(),
                scheduler.drills());
    }
}
