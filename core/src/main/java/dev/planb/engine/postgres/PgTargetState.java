/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The user objects a restore target holds: schemas (other than {@code public}), tables, views,
 * sequences, routines, types, extensions and large objects. A target with none is empty: a
 * restore may go there without {@code --force}, and a failed parallel restore is undone by
 * {@link #dropEverything dropping everything} again, so the same command succeeds on retry.
 */
final class PgTargetState {

    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_%'";

    private static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
                + oid + " AND e.deptype = 'e')";
    }

    /** One row per object: its kind, then a statement that drops it (and what depends on it). */
    private static final String OBJECTS = """
            SELECT 1, 'schema ' || n.nspname, format('DROP SCHEMA IF EXISTS %I CASCADE', n.nspname)
              FROM pg_namespace n WHERE n.nspname <> 'public' AND\s""" + USER_SCHEMA + """
            UNION ALL SELECT 2, 'extension ' || x.extname, format('DROP EXTENSION IF EXISTS %I CASCADE', x.extname)
              FROM pg_extension x WHERE x.oid >= 16384
            UNION ALL SELECT 3, CASE c.relkind WHEN 'v' THEN 'view ' WHEN 'm' THEN 'materialized view '
                                 WHEN 'S' THEN 'sequence ' WHEN 'f' THEN 'foreign table ' ELSE 'table ' END
                                || c.oid::regclass::text,
                   format('DROP %s IF EXISTS %s CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW'
                          WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                          ELSE 'TABLE' END, c.oid::regclass::text)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relispartition = false AND\s""" + USER_SCHEMA
            + " AND " + notInExtension("pg_class", "c.oid") + """
            UNION ALL SELECT 4, 'routine ' || p.oid::regprocedure::text,
                   format('DROP ROUTINE IF EXISTS %s CASCADE', p.oid::regprocedure::text)
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE\s""" + USER_SCHEMA
            + " AND " + notInExtension("pg_proc", "p.oid") + """
            UNION ALL SELECT 5, 'type ' || t.oid::regtype::text,
                   format('DROP %s IF EXISTS %s CASCADE', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                          t.oid::regtype::text)
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
              WHERE (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c'
                     AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c') AND\s""" + USER_SCHEMA
            + " AND " + notInExtension("pg_type", "t.oid") + """
            UNION ALL SELECT 6, 'large object ' || l.oid, format('SELECT lo_unlink(%s)', l.oid)
              FROM pg_largeobject_metadata l
            ORDER BY 1, 2""";

    private final List<String> objects;
    private final List<String> drops;

    private PgTargetState(List<String> objects, List<String> drops) {
        this.objects = List.copyOf(objects);
        this.drops = List.copyOf(drops);
    }

    /** The user objects of the database {@code connection} is connected to. */
    static PgTargetState read(Connection connection) throws SQLException {
        List<String> objects = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(OBJECTS)) {
            while (rows.next()) {
                objects.add(rows.getString(2));
                drops.add(rows.getString(3));
            }
        }
        return new PgTargetState(objects, drops);
    }

    /** Whether the database holds no user object. */
    boolean isEmpty() {
        return objects.isEmpty();
    }

    /** How many user objects there are. */
    int size() {
        return objects.size();
    }

    /** The first few objects, for a message: {@code table public.orders, schema billing, …}. */
    String sample() {
        return String.join(", ", objects.subList(0, Math.min(3, objects.size()))) + (objects.size() > 3 ? ", …" : "");
    }

    /**
     * Drops every user object of the database, in one transaction: what a failed restore into an
     * empty database created. Schemas go with their content, {@code public} stays.
     */
    static void dropEverything(Connection connection) throws SQLException {
        PgTargetState state = read(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String drop : state.drops) {
                statement.execute(drop);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        if (!read(connection).isEmpty()) {
            throw new SQLException("objects are left after dropping them all: " + read(connection).sample());
        }
    }
}
