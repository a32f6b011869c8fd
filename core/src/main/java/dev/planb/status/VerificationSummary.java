package dev.planb.status;

import dev.planb.catalog.BackupId;
import java.time.Instant;
import java.util.List;

/**
 * The last verification of a plan's backups.
 *
 * @param time when it finished
 * @param id the backup verified
 * @param problems what was wrong; empty when it passed
 */
public record VerificationSummary(Instant time, BackupId id, List<String> problems) {

    /** Copies the list. */
    public VerificationSummary {
        problems = List.copyOf(problems);
    }

    /** Whether the backup passed. */
    public boolean passed() {
        return problems.isEmpty();
    }
}
