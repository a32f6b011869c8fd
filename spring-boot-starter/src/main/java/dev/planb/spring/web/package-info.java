/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PlanB's status page at {@code planb.status-page.path}: core's {@link dev.planb.status.page.StatusPage}
 * (server-rendered HTML, no JavaScript) served by Spring MVC.
 */
package dev.planb.spring.web;
