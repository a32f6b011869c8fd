/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;

/**
 * One destination could not store a backup; the others may have.
 *
 * @param plan the plan's name
 * @param time when it failed
 * @param backupId the backup it was storing
 * @param destination the destination's description (never holds a secret)
 * @param message why, in one line
 */
public record DestinationFailed(String plan, Instant time, BackupId backupId, String destination,
        String message) implements PlanBEvent {
}
