/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * One backup, restore or log-chain run from start to end: what it writes (artifacts, manifest last,
 * {@code RESTORE.md}) and reads back. No compatibility promise.
 */
package dev.planb.internal.run;
