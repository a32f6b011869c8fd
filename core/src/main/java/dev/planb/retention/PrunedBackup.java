/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.spi.Manifest;
import java.util.List;

/**
 * One row of a prune: a backup, why it is kept, and what happened to it.
 *
 * @param backup the backup
 * @param reasons why the policy keeps it (empty when forgotten)
 * @param outcome what was done
 * @param detail for {@code RETAINED}, {@code NOT_PERMITTED} and {@code FAILED}, one line saying why;
 *     for a deleted (or, in a dry run, to be deleted) log file, which chain it belonged to
 *     ({@code log of <id>}, or {@code orphan log: …} when that chain's first backup is gone);
 *     otherwise empty
 */
public record PrunedBackup(Manifest backup, List<String> reasons, PruneOutcome outcome, String detail) {

    /**
     * Copies the list.
     *
     * @param backup the backup
     * @param reasons why the policy keeps it (empty when forgotten)
     * @param outcome what was done
     * @param detail why it was not deleted, which chain a deleted log file belonged to, or empty
     */
    public PrunedBackup {
        reasons = List.copyOf(reasons);
    }
}
