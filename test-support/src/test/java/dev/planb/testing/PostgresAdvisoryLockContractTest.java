/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The default lock of a PostgreSQL plan: an advisory lock in the backed-up database. */
class PostgresAdvisoryLockContractTest extends AbstractPlanLockContractTest {

    @Override
    protected DatabaseSource newDatabase() throws Exception {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER,
                PostgresServer.shared().password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id SERIAL PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO t (name) VALUES ('one'), ('two')");
        }
        return database;
    }
}
