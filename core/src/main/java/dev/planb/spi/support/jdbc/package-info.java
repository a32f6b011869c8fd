/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Supported JDBC helpers for engines that work through a JDBC driver: connecting with errors that
 * name the database and what to do, small queries, quoting identifiers.
 */
package dev.planb.spi.support.jdbc;
