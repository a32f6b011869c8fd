/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import dev.planb.notify.Notifier;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each plan's events to that plan's own notifiers, and closes them all at shutdown. */
public final class PlanNotifiers implements PlanBListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlanNotifiers.class);

    private final Map<String, List<Notifier>> byPlan = new LinkedHashMap<>();

    /**
     * Collects the notifiers of {@code plans}.
     *
     * @param plans the plans whose {@link BackupPlan#notifiers()} receive their plan's events
     */

    public PlanNotifiers(List<BackupPlan> plans) {
        plans.forEach(plan -> byPlan.put(plan.name(), plan.notifiers()));
    }

    @Override
    public void onEvent(PlanBEvent event) {
        for (Notifier notifier : byPlan.getOrDefault(event.plan(), List.of())) {
            try {
                notifier.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("{} failed on {} of plan '{}': {}", notifier, event.getClass().getSimpleName(), event.plan(),
                        e.toString());
            }
        }
    }

    /** Closes every notifier once, even one shared by several plans; each delivers what is queued first. */
    @Override
    public void close() {
        Set<Notifier> all = new LinkedHashSet<>();
        byPlan.values().forEach(all::addAll);
        for (Notifier notifier : all) {
            try {
                notifier.close();
            } catch (RuntimeException e) {
                LOG.warn("{} failed to close: {}", notifier, e.toString());
            }
        }
    }
}
