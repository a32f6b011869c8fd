/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

/**
 * Receives PlanB's events. Called on the thread that runs the job, so keep it quick; an exception
 * thrown here is logged and never fails the job.
 */
@FunctionalInterface
public interface PlanBListener {

    /** A listener that ignores every event. */
    PlanBListener NONE = event -> { };

    /**
     * Called once for each event.
     *
     * @param event what happened; switch over its record type to handle the kinds of interest
     */
    void onEvent(PlanBEvent event);
}
