/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What proving a backup means: verification policies, SQL checks, results and the verification log
 * on storage. The drills that produce them are in {@link dev.planb.drill}.
 */
package dev.planb.verify;
