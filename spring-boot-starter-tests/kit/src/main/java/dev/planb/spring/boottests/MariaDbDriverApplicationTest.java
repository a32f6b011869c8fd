/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.MariaDbServer;

/** The starter in an application on a real MariaDB through mariadb-java-client, from {@code spring.datasource.*}. */
public class MariaDbDriverApplicationTest extends StarterApplicationContract {

    @Override
    protected AppDatabase database() {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource orders = server.newDatabase();
        return new AppDatabase(orders, DataSourceProperties.of(orders), server.newDatabase());
    }
}
