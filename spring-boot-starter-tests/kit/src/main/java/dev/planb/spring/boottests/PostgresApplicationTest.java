/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;

/** The starter in an application on a real PostgreSQL, from {@code spring.datasource.*}. */
public class PostgresApplicationTest extends StarterApplicationContract {

    @Override
    protected AppDatabase database() {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource orders = server.newDatabase();
        return new AppDatabase(orders, DataSourceProperties.of(orders), server.newDatabase());
    }
}
