/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PlanB in Spring Boot Actuator: the {@code planb} health indicator, the {@code /actuator/planb}
 * endpoint, reading the runtime's {@link dev.planb.PlanB#status()} through core's
 * {@link dev.planb.status.page.PlanReports}. The Micrometer meters are core's
 * ({@code dev.planb.status.metrics}), registered by the auto-configuration.
 */
package dev.planb.spring.actuate;
