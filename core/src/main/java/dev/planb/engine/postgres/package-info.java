/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PostgreSQL support: {@link dev.planb.engine.postgres.PostgresEngine} drives {@code pg_dump} and
 * {@code pg_restore}; {@link dev.planb.engine.postgres.PostgresOptions} chooses schemas, tables,
 * format, parallel jobs and ownership.
 */
package dev.planb.engine.postgres;
