/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The scheduling runtime behind {@link dev.planb.PlanB#builder()}: ticks, the worker pool, locks,
 * timeouts, restore drills and events. Public so that framework integrations (the Spring Boot
 * starter, a config-file runner) can run plans the same way; applications use {@link dev.planb.PlanB}.
 */
package dev.planb.runtime;
