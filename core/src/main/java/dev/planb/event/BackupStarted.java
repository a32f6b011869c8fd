/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;

/**
 * A backup run began.
 *
 * @param plan the plan's name
 * @param time when it began
 * @param backupId the id the backup will have if it succeeds
 */
public record BackupStarted(String plan, Instant time, BackupId backupId) implements PlanBEvent {
}
