/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import java.util.List;

/**
 * The outcome of a backup run that stored at least one complete copy. (A run that stored none
 * throws {@link PlanBException}.)
 *
 * @param manifest what was stored
 * @param destinations how each destination fared, in the plan's order
 */
public record BackupResult(Manifest manifest, List<DestinationResult> destinations) {

    /**
     * Copies the list.
     *
     * @param manifest what was stored
     * @param destinations how each destination fared, in the plan's order
     */
    public BackupResult {
        destinations = List.copyOf(destinations);
    }

    /** {@return the new backup's id} */
    public BackupId id() {
        return manifest.id();
    }

    /** {@return whether every destination holds the backup} */
    public boolean isComplete() {
        return destinations.stream().allMatch(DestinationResult::succeeded);
    }

    /**
     * {@return the files that changed or vanished while being read, and unreadable files that were
     * skipped, one line each; empty when none} They are also recorded in the manifest.
     */
    public List<String> warnings() {
        return manifest.warnings();
    }

    /** {@return the destinations that failed, in the plan's order; empty when the backup is complete} */
    public List<DestinationResult> failures() {
        return destinations.stream().filter(result -> !result.succeeded()).toList();
    }
}
