/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.spi.BackupId;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a prune of one plan on one destination decided and did.
 *
 * @param plan the plan's name
 * @param destination the destination's description
 * @param dryRun whether nothing was deleted on purpose
 * @param backups one row per intact backup, newest first
 * @param damaged one row per damaged backup, newest first: kept unless the prune included them
 */
public record PruneReport(String plan, String destination, boolean dryRun, List<PrunedBackup> backups,
        List<PrunedDamagedBackup> damaged) {

    /**
     * Copies the lists.
     *
     * @param plan the plan's name
     * @param destination the destination's description
     * @param dryRun whether nothing was deleted on purpose
     * @param backups one row per intact backup, newest first
     * @param damaged one row per damaged backup, newest first
     */
    public PruneReport {
        backups = List.copyOf(backups);
        damaged = List.copyOf(damaged);
    }

    /**
     * A report without damaged backups.
     *
     * @param plan the plan's name
     * @param destination the destination's description
     * @param dryRun whether nothing was deleted on purpose
     * @param backups one row per intact backup, newest first
     */
    public PruneReport(String plan, String destination, boolean dryRun, List<PrunedBackup> backups) {
        this(plan, destination, dryRun, backups, List.of());
    }

    /** {@return the ids of the backups deleted, intact ones first, then damaged ones} */
    public List<BackupId> deleted() {
        return Stream.concat(backups.stream().filter(row -> row.outcome() == PruneOutcome.DELETED).map(row -> row.backup().id()),
                damaged.stream().filter(row -> row.outcome() == PruneOutcome.DELETED).map(row -> row.backup().id()))
                .toList();
    }

    /** {@return how many intact backups the policy keeps} */
    public int kept() {
        return (int) backups.stream().filter(row -> row.outcome() == PruneOutcome.KEEP).count();
    }

    /**
     * {@return one line per forgotten backup that could not be deleted (retained, not permitted, failed): its id
     * and why}
     */
    public List<String> problems() {
        return Stream.concat(backups.stream().filter(row -> isProblem(row.outcome()))
                        .map(row -> row.backup().backupId() + ": " + row.detail()),
                damaged.stream().filter(row -> isProblem(row.outcome()))
                        .map(row -> row.backup().id() + " (damaged): " + row.detail()))
                .toList();
    }

    private static boolean isProblem(PruneOutcome outcome) {
        return outcome == PruneOutcome.RETAINED || outcome == PruneOutcome.NOT_PERMITTED || outcome == PruneOutcome.FAILED;
    }
}
