package dev.planb.status;

import dev.planb.spi.BackupId;
import java.time.Instant;

/**
 * A stored backup, as status reports it.
 *
 * @param time when it finished
 * @param id its id
 * @param storedBytes bytes stored
 */
public record BackupSummary(Instant time, BackupId id, long storedBytes) {
}
