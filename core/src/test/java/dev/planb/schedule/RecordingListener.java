/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it receives, for assertions. */
final class RecordingListener implements PlanBListener {

    private final List<PlanBEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(PlanBEvent event) {
        events.add(event);
    }

    <T extends PlanBEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<PlanBEvent> all() {
        return List.copyOf(events);
    }
}
