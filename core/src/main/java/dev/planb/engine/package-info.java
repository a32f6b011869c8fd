/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Database support: the lookup of a {@link dev.planb.spi.DatabaseEngine} by JDBC URL, and the
 * engines built in (SQLite, H2; PostgreSQL and MariaDB in their own packages).
 */
package dev.planb.engine;
