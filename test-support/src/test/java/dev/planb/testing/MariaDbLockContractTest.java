/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The default lock of a MariaDB plan: a GET_LOCK named lock on the backed-up server. */
class MariaDbLockContractTest extends AbstractPlanLockContractTest {

    @Override
    protected DatabaseSource newDatabase() throws Exception {
        DatabaseSource database = MariaDbServer.shared().newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), MariaDbServer.USER,
                MariaDbServer.shared().password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO t (name) VALUES ('one'), ('two')");
        }
        return database;
    }
}
