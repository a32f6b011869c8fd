/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.testing.server.MariaDbServer;
import java.util.Map;

/**
 * The starter in an application with two DataSources of its own: a {@code @Primary} H2 one and the orders
 * database, a real MariaDB reached through mysql-connector-j (which reports its user as {@code user@host}),
 * marked {@code @PlanBDataSource}: PlanB backs up the orders.
 */
public class MySqlDriverApplicationTest extends StarterApplicationContract {

    @Override
    protected AppDatabase database() {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource orders = server.newDatabase();
        String url = orders.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
        return new AppDatabase(DatabaseSource.of(url, orders.user(), orders.password()),
                Map.of("kit.orders.url", url, "kit.orders.username", orders.userName().orElseThrow(),
                        "kit.orders.password", orders.passwordSecret().map(Secret::reveal).orElseThrow()),
                server.newDatabase());
    }
}
