/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * MariaDB and MySQL support: {@link dev.planb.engine.mariadb.MariaDbEngine} drives
 * {@code mariadb-dump} and {@code mariadb} (or {@code mysqldump} and {@code mysql}).
 */
package dev.planb.engine.mariadb;
