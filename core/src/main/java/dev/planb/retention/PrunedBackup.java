package dev.planb.retention;

import dev.planb.catalog.Manifest;
import java.util.List;

/**
 * One row of a prune: a backup, why it is kept, and what happened to it.
 *
 * @param backup the backup
 * @param reasons why the policy keeps it (empty when forgotten)
 * @param outcome what was done
 * @param detail for {@code RETAINED}, {@code NOT_PERMITTED} and {@code FAILED}, one line saying why;
 *     otherwise empty
 */
public record PrunedBackup(Manifest backup, List<String> reasons, PruneOutcome outcome, String detail) {

    /** Copies the list. */
    public PrunedBackup {
        reasons = List.copyOf(reasons);
    }
}
