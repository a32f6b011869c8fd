/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Micrometer meters of a running {@link dev.planb.PlanB}, with the same names in the Spring Boot
 * starter and {@code planb run --http}'s {@code /metrics}. Micrometer is an optional dependency of
 * core: these classes load only when {@code io.micrometer:micrometer-core} is on the class path, and
 * nothing else in core refers to them.
 */
package dev.planb.status.metrics;
