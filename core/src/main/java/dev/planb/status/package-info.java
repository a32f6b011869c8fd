/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Where every plan stands: last success, last failure, last verification, next run and state
 * (idle, running with progress, stale), per plan and per destination. A {@link
 * dev.planb.status.StatusBoard} keeps it in memory from the events and rebuilds it from the
 * destinations' manifests at start-up; a {@link dev.planb.status.StalenessMonitor} raises
 * {@link dev.planb.event.BackupStale} when a plan's newest backup is older than its max age.
 */
package dev.planb.status;
