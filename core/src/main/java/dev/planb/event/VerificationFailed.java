/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.List;

/**
 * A backup failed verification, or could not be verified.
 *
 * @param plan the plan's name
 * @param time when the verification finished
 * @param backupId the backup checked
 * @param problems what was wrong, one line each
 */
public record VerificationFailed(String plan, Instant time, BackupId backupId, List<String> problems)
        implements PlanBEvent {

    /**
     * Copies the list, so the event cannot change.
     *
     * @param plan the plan's name
     * @param time when the verification finished
     * @param backupId the backup checked
     * @param problems what was wrong, one line each
     */
    public VerificationFailed {
        problems = List.copyOf(problems);
    }
}
