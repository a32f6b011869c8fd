/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.util.Optional;

/**
 * What one Spring Boot generation's JDBC auto-configuration knows of the {@code DataSource} it made: Boot 4
 * and Boot 3 keep {@code JdbcConnectionDetails} and {@code DataSourceProperties} in different packages, so
 * each generation has its own small auto-configuration, switched on by its classes being present, that gives
 * {@link ProvidedDataSourceLogins} its getters.
 */
interface BootDataSourceLogins {

    /**
     * Boot's {@code JdbcConnectionDetails} ({@code spring.datasource.*}, Docker Compose and Testcontainers
     * service connections); present only when Boot made the DataSource.
     */
    Optional<JdbcLogin> connectionDetails();

    /** {@code spring.datasource.*}, when its URL is set. */
    Optional<JdbcLogin> properties();
}
