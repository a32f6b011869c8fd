/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The default lock of a SQLite plan: a lock file beside the database. */
class SqliteLockFileContractTest extends AbstractPlanLockContractTest {

    @TempDir
    Path dir;

    @Override
    protected DatabaseSource newDatabase() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve(UUID.randomUUID() + ".db");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO t (name) VALUES ('one'), ('two')");
        }
        return DatabaseSource.of(url);
    }
}
