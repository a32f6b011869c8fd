/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Running external tools ({@code pg_dump}, {@code mariadb}, …): commands, private working folders,
 * the tail of standard error for messages. No compatibility promise.
 */
package dev.planb.internal.tool;
