/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each event to every listener; a listener that throws is logged and never fails the job. */
public final class EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final List<PlanBListener> listeners;

    /**
     * Publishes to {@code listeners}, in their order.
     *
     * @param listeners the listeners; the list is copied
     */
    public EventPublisher(List<PlanBListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Calls every listener with {@code event}; one that throws is logged and the others still run.
     *
     * @param event the event to hand on
     */

    public void publish(PlanBEvent event) {
        for (PlanBListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("PlanB listener {} failed on {} of plan '{}': {}", listener, event.getClass().getSimpleName(),
                        event.plan(), e.toString());
                LOG.debug("Listener failure", e);
            }
        }
    }
}
