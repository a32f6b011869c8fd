package dev.planb.event;

import dev.planb.ErrorCode;
import dev.planb.catalog.BackupId;
import java.time.Instant;

/**
 * A pull could not copy a backup: it is corrupt on the source ({@link ErrorCode#CORRUPT_BACKUP}),
 * or a destination could not store it ({@link ErrorCode#DESTINATION_FAILED}). Nothing of it is
 * visible on a destination that did not get it completely.
 *
 * @param plan the backup's plan
 * @param time when it failed
 * @param backupId the backup concerned
 * @param from the source's description (never holds a secret)
 * @param code what kind of failure
 * @param message one line a person can act on
 */
public record PullFailed(String plan, Instant time, BackupId backupId, String from, ErrorCode code, String message)
        implements PlanBEvent {
}
