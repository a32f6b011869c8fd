/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The backup before database migrations: when the application runs Flyway or Liquibase at start-up and
 * migrations are pending, PlanB backs up the application's plan just before they run, labelled with the
 * migrations it precedes ({@code before V42__drop_legacy}); {@code planb.migrations.*} configures it.
 */
package dev.planb.spring.migration;
