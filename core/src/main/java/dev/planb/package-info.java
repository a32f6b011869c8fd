/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PlanB's public API: describe a {@link dev.planb.BackupPlan}, run it with
 * {@link dev.planb.PlanB#backup(BackupPlan)}, list what a destination holds with
 * {@link dev.planb.PlanB#catalog(Destination)}, and restore with
 * {@link dev.planb.PlanB#restore(RestoreRequest)}.
 */
package dev.planb;
