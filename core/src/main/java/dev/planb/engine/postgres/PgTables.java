/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.engine.TableRows;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables {@code pg_dump} dumps, with their row counts, read in the caller's transaction: in
 * the dump's snapshot when the caller exported it. Tables of {@code public} are named bare, others
 * {@code schema.table}.
 */
final class PgTables {

    private static final String USER_TABLES = """
            SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY 1, 2""";

    private PgTables() {
    }

    /** Every user table and its row count. */
    static List<TableCount> count(Connection connection) throws SQLException {
        return count(connection, PostgresOptions.DEFAULTS);
    }

    /** The tables {@code options} select, as {@code pg_dump} selects them, and their row counts. */
    static List<TableCount> count(Connection connection, PostgresOptions options) throws SQLException {
        Set<String> tables = qualified(options.tables());
        Set<String> excludedTables = qualified(options.excludedTables());
        List<QualifiedTable> selected = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(USER_TABLES)) {
            while (rows.next()) {
                String schema = rows.getString(1);
                String name = rows.getString(2);
                String qualified = schema + "." + name;
                boolean chosen = tables.isEmpty()
                        ? (options.schemas().isEmpty() || options.schemas().contains(schema))
                                && !options.excludedSchemas().contains(schema)
                        : tables.contains(qualified);
                if (chosen && !excludedTables.contains(qualified)) {
                    selected.add(new QualifiedTable(schema, name, displayName(schema, name)));
                }
            }
        }
        return TableRows.count(connection, selected);
    }

    /** Every user table's name, as {@link #count} names them, without counting rows. */
    static List<String> names(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(USER_TABLES)) {
            while (rows.next()) {
                names.add(displayName(rows.getString(1), rows.getString(2)));
            }
        }
        return names;
    }

    /** {@code schema.table}, with {@code public} added to bare names. */
    static String qualify(String table) {
        return table.contains(".") ? table : "public." + table;
    }

    /** How counts name a table: bare in {@code public}, {@code schema.table} elsewhere. */
    static String displayName(String schema, String name) {
        return "public".equals(schema) ? name : schema + "." + name;
    }

    private static Set<String> qualified(List<String> tables) {
        return tables.stream().map(PgTables::qualify).collect(Collectors.toSet());
    }
}
