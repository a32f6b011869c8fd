/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * When plans run: {@link dev.planb.schedule.Schedule} (cron or fixed interval, jitter, catch-up).
 * The runtime that runs them is {@link dev.planb.PlanB#builder()}.
 */
package dev.planb.schedule;
