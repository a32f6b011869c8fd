/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.spi.TableCount;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Row counts through JDBC, for the manifests of the engines that work through a JDBC driver. */
public final class TableRows {

    private TableRows() {
    }

    /**
     * Counts the rows of each table, in the order given.
     *
     * @param connection a connection to the database
     * @param tables the tables to count
     * @return each table's display name with its row count, in the order given
     * @throws SQLException when a table cannot be counted
     */

    public static List<TableCount> count(Connection connection, List<QualifiedTable> tables) throws SQLException {
        List<TableCount> counts = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (QualifiedTable table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table.quoted())) {
                    rows.next();
                    counts.add(new TableCount(table.displayName(), rows.getLong(1)));
                }
            }
        }
        return counts;
    }
}
