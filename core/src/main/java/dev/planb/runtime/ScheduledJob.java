/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.PlanBException;
import dev.planb.schedule.Schedule;

/** What the runtime runs on a schedule: a backup plan, or a pull. */
interface ScheduledJob {

    /** The name that events and messages use; unique in a runtime. */
    String name();

    /** When it runs. */
    Schedule schedule();

    /** A run for one trigger, to be started on a worker thread. */
    JobRun newRun(Trigger trigger, PlanScheduler scheduler);

    /** One run of a job. */
    interface JobRun {

        /** Why it runs. */
        Trigger trigger();

        /** Runs on the calling (worker) thread, reporting through the runtime's events. */
        void run();

        /** Stops it from another thread; returns whether it was stopped. */
        boolean cancel(PlanBException reason);
    }
}
