package dev.planb.retention;

import dev.planb.spi.BackupId;
import java.util.List;

/**
 * What a prune of one plan on one destination decided and did.
 *
 * @param plan the plan's name
 * @param destination the destination's description
 * @param dryRun whether nothing was deleted on purpose
 * @param backups one row per backup, newest first
 */
public record PruneReport(String plan, String destination, boolean dryRun, List<PrunedBackup> backups) {

    /** Copies the list. */
    public PruneReport {
        backups = List.copyOf(backups);
    }

    /** The backups deleted. */
    public List<BackupId> deleted() {
        return backups.stream().filter(row -> row.outcome() == PruneOutcome.DELETED).map(row -> row.backup().id())
                .toList();
    }

    /** How many backups the policy keeps. */
    public int kept() {
        return (int) backups.stream().filter(row -> row.outcome() == PruneOutcome.KEEP).count();
    }

    /** One line per forgotten backup that could not be deleted (retained, not permitted, failed). */
    public List<String> problems() {
        return backups.stream().filter(row -> row.outcome() == PruneOutcome.RETAINED
                        || row.outcome() == PruneOutcome.NOT_PERMITTED || row.outcome() == PruneOutcome.FAILED)
                .map(row -> row.backup().backupId() + ": " + row.detail()).toList();
    }
}
