/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import java.util.List;

/**
 * What {@link LeftoverCleaner} found on one destination.
 *
 * @param destination the destination's description
 * @param dryRun whether nothing was removed on purpose
 * @param leftovers what was found, with what was done to each
 */
public record CleanupReport(String destination, boolean dryRun, List<Leftover> leftovers) {

    /**
     * Copies the list.
     *
     * @param destination the destination's description
     * @param dryRun whether nothing was removed on purpose
     * @param leftovers what was found, with what was done to each
     */
    public CleanupReport {
        leftovers = List.copyOf(leftovers);
    }

    /** {@return the leftovers that could not be removed: the destination refused or the delete failed} */
    public List<Leftover> problems() {
        return leftovers.stream().filter(leftover -> leftover.outcome() == Leftover.Outcome.FAILED
                || leftover.outcome() == Leftover.Outcome.NOT_PERMITTED).toList();
    }
}
