/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A large SQLite database made inside SQLite itself: random bytes and their hex, so it compresses
 * about 1.5x. Needs {@code org.xerial:sqlite-jdbc} on the test class path.
 */
public final class LargeSqliteDatabase {

    private LargeSqliteDatabase() {
    }

    /**
     * Creates a database of about {@code megabytes} MiB, in two tables: {@code events} (random payloads) and
     * {@code tags} (3 rows).
     *
     * @param file where the database goes; it must not hold a database with those tables already
     * @param megabytes its approximate size, in MiB
     * @throws SQLException when the file cannot be written or the SQLite driver is missing
     */
    public static void create(Path file, int megabytes) throws SQLException {
        long rows = megabytes * 1024L * 1024L / 1_100;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = OFF");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, payload BLOB, note TEXT)");
            statement.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO tags (name) VALUES ('a'), ('b'), ('c')");
            statement.execute("INSERT INTO events (payload, note) WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL"
                    + " SELECT x + 1 FROM n WHERE x < " + rows + ") SELECT randomblob(500), hex(randomblob(250)) FROM n");
        }
    }
}
