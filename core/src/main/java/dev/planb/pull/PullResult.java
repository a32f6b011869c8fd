/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pull;

import dev.planb.pull.PulledBackup.Outcome;
import java.util.List;

/**
 * What a pull did, one entry per complete backup found on the source, oldest first.
 *
 * @param backups the outcome for each backup
 */
public record PullResult(List<PulledBackup> backups) {

    /**
     * Copies the list.
     *
     * @param backups the outcome for each backup
     */
    public PullResult {
        backups = List.copyOf(backups);
    }

    /** {@return the backups copied by this run} */
    public List<PulledBackup> copied() {
        return backups.stream().filter(backup -> backup.outcome() == Outcome.COPIED).toList();
    }

    /** {@return the backups that are corrupt on the source or could not be stored everywhere} */
    public List<PulledBackup> failures() {
        return backups.stream().filter(backup -> !backup.succeeded()).toList();
    }

    /** {@return whether every backup of the source is now on every destination} */

    public boolean isComplete() {
        return failures().isEmpty();
    }
}
