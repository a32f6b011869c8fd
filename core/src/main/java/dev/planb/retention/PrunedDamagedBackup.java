/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.catalog.DamagedBackup;

/**
 * One damaged backup met by a prune, and what happened to it: kept, unless the prune was told to
 * include damaged backups.
 *
 * @param backup the damaged backup
 * @param outcome {@link PruneOutcome#KEEP} unless damaged backups were included; then what deleting it did
 * @param detail one line saying why it is kept, or why it could not be deleted
 */
public record PrunedDamagedBackup(DamagedBackup backup, PruneOutcome outcome, String detail) {
}
