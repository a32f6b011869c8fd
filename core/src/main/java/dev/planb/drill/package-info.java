/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Restore drills: restore a backup into a scratch database, compare row counts, run the plan's SQL
 * checks and fingerprints, and review coverage ({@link dev.planb.drill.RestoreVerifier}, {@link
 * dev.planb.drill.RestoreDrill}, {@link dev.planb.drill.PointInTimeVerifier}). The policies and
 * results they use are in {@link dev.planb.verify}.
 */
package dev.planb.drill;
