/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Destructive changes between backups: a {@link dev.planb.change.DestructiveChangePolicy} says how
 * many rows a table may lose, and {@link dev.planb.change.ChangeDetector} compares the row counts of
 * two manifests with it. The runtime runs it after every backup and publishes a {@link
 * dev.planb.event.DestructiveChange} event.
 */
package dev.planb.change;
