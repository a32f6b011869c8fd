/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.ErrorCode;
import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.Optional;

/**
 * A pull could not copy a backup: it is corrupt on the source ({@link ErrorCode#CORRUPT_BACKUP}),
 * or a destination could not store it ({@link ErrorCode#DESTINATION_FAILED}). Nothing of it is
 * visible on a destination that did not get it completely.
 *
 * @param plan the backup's plan, or the pull's name when the pull as a whole failed
 * @param time when it failed
 * @param backupId the backup concerned; empty when the pull as a whole failed (the source or a
 *     destination could not be listed)
 * @param from the source's description (never holds a secret)
 * @param code what kind of failure
 * @param message one line a person can act on
 */
public record PullFailed(String plan, Instant time, Optional<BackupId> backupId, String from, ErrorCode code, String message)
        implements PlanBEvent {
}
