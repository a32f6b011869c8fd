/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What front ends show of a running {@link dev.planb.PlanB}: {@link dev.planb.status.page.PlanReports}
 * (plans as maps and lists, for JSON) and the {@link dev.planb.status.page.StatusPage} (HTML, no
 * JavaScript). The Spring Boot starter and {@code planb run --http} serve the same page.
 */
package dev.planb.status.page;
