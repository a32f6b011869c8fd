/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the kit's databases: what the tests put in and read back. */
final class Jdbc {

    private Jdbc() {
    }

    static Connection connect(DatabaseSource database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.userName().orElse(null),
                database.passwordSecret().map(Secret::reveal).orElse(null));
    }

    static void execute(DatabaseSource database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement sql = connection.createStatement()) {
            for (String statement : statements) {
                sql.execute(statement);
            }
        }
    }

    /** Each row of {@code query}, its columns joined by {@code |}. */
    static List<String> rows(DatabaseSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); Statement sql = connection.createStatement();
                ResultSet result = sql.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    row.append(column > 1 ? "|" : "").append(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
