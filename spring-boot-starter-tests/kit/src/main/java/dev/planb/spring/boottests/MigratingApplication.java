/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application {@link MigrationBackupApplicationTest} starts: Spring Boot's auto-configuration only (its
 * DataSource, Flyway or Liquibase, PlanB), no web server. Not a {@code @Configuration}, so the component scan of
 * {@link StarterTestApplication} does not take it in.
 */
@EnableAutoConfiguration
public class MigratingApplication {
}
