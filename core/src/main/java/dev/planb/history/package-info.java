/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * A plan's recent history as status pages chart it ({@link dev.planb.history.PlanHistory}): sizes, durations,
 * row counts per table, destructive changes and holds, read from a destination.
 */
package dev.planb.history;
