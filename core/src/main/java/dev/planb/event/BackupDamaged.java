/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;

/**
 * A damaged backup was found: its manifest does not parse, does not match its own checksum or
 * lacks a field, so it cannot be trusted or restored. Published whenever the runtime meets one
 * (retention, restore drills); a prune keeps it unless told to include damaged backups.
 *
 * @param plan the plan's name
 * @param time when it was found
 * @param destination the destination that holds it
 * @param backupId the damaged backup
 * @param reason what is wrong with its manifest, with the manifest's location
 */
public record BackupDamaged(String plan, Instant time, String destination, BackupId backupId, String reason)
        implements PlanBEvent {
}
