/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.List;

/**
 * Retention ran on one destination.
 *
 * @param plan the plan's name
 * @param time when it ran
 * @param destination the destination's description
 * @param deleted the backups deleted
 * @param kept how many backups were kept
 * @param problems backups that should have gone but could not (locked, no delete permission),
 *     one line each
 */
public record Pruned(String plan, Instant time, String destination, List<BackupId> deleted,
        int kept, List<String> problems) implements PlanBEvent {

    /**
     * Copies the lists, so the event cannot change.
     *
     * @param plan the plan's name
     * @param time when it ran
     * @param destination the destination's description
     * @param deleted the backups deleted
     * @param kept how many backups were kept
     * @param problems backups that should have gone but could not, one line each
     */
    public Pruned {
        deleted = List.copyOf(deleted);
        problems = List.copyOf(problems);
    }
}
