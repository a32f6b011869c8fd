/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL database object by object, to compare a restore with its source: the
 * {@code pg_dump --schema-only} text (every definition, owner, grant, comment, RLS policy), every
 * table's ordered content hash, every sequence's value, the extensions and the large objects with
 * their owners, comments and content hashes. Read as the superuser, so row-level security hides
 * nothing. Two databases are the same when their {@code PostgresObjects} are equal.
 *
 * <pre>{@code
 * assertThat(PostgresObjects.read(server, restored, List.of())).isEqualTo(PostgresObjects.read(server, source, List.of()));
 * }</pre>
 *
 * @param schema the schema-only dump without comments, settings and random {@code \restrict} keys
 * @param tables each table's row count and the MD5 of its rows' text, in text order
 * @param sequences each sequence's {@code last_value} and {@code is_called}
 * @param extensions each extension with its version and schema
 * @param largeObjects each large object's owner, comment and content MD5, by OID
 */
public record PostgresObjects(String schema, Map<String, String> tables, Map<String, String> sequences,
        List<String> extensions, Map<Long, String> largeObjects) {

    private static final String USER_RELATIONS = """
            SELECT format('%I.%I', n.nspname, c.relname), c.relkind FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\\_%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY 1""";

    /**
     * Reads database {@code database}'s objects as the server's superuser.
     *
     * @param server the test server that holds the database, whose {@code pg_dump} and superuser are used
     * @param database the database; only its name (the last part of its JDBC URL) is used
     * @param pgDumpFilter pg_dump selection arguments for the schema text (e.g. {@code --schema=billing}), to
     *     compare part of a database; the other parts are read whole
     * @return the database's objects, equal for two databases with the same definitions and content
     * @throws SQLException when the database cannot be read
     * @throws IOException when {@code pg_dump --schema-only} fails or does not finish within two minutes
     * @throws InterruptedException when interrupted while {@code pg_dump} runs
     */
    public static PostgresObjects read(PostgresServer server, DatabaseSource database, List<String> pgDumpFilter)
            throws SQLException, IOException, InterruptedException {
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        DatabaseSource superuser = server.superuserSource(name);
        Map<String, String> tables = new TreeMap<>();
        Map<String, String> sequences = new TreeMap<>();
        List<String> extensions = new ArrayList<>();
        Map<Long, String> largeObjects = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(superuser.jdbcUrl(), superuser.user(),
                superuser.password().reveal()); Statement statement = connection.createStatement()) {
            List<String[]> relations = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(USER_RELATIONS)) {
                while (rows.next()) {
                    relations.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] relation : relations) {
                if ("S".equals(relation[1])) {
                    sequences.put(relation[0], single(statement, "SELECT last_value || ' ' || is_called FROM " + relation[0]));
                } else {
                    tables.put(relation[0], single(statement, "SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text,"
                            + " E'\\n' ORDER BY t::text), '')) FROM ONLY " + relation[0] + " t"));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT e.extname || ' ' || e.extversion || ' in ' || n.nspname"
                    + " FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY 1")) {
                while (rows.next()) {
                    extensions.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT oid, pg_get_userbyid(lomowner) || ' '"
                    + " || coalesce(obj_description(oid, 'pg_largeobject'), '-') || ' ' || md5(lo_get(oid))"
                    + " FROM pg_largeobject_metadata ORDER BY oid")) {
                while (rows.next()) {
                    largeObjects.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return new PostgresObjects(schemaText(server, superuser, name, pgDumpFilter), tables, sequences, extensions,
                largeObjects);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String schemaText(PostgresServer server, DatabaseSource superuser, String name, List<String> filter)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(server.tool("pg_dump").toString(), "--schema-only",
                "-h", "127.0.0.1", "-p", String.valueOf(server.port()), "-U", superuser.user()));
        command.addAll(filter);
        command.add(name);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", superuser.password().reveal());
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("pg_dump --schema-only of " + name + " failed");
        }
        return text.lines().filter(line -> !line.startsWith("--") && !line.isBlank() && !line.startsWith("\\restrict")
                && !line.startsWith("\\unrestrict") && !line.startsWith("SET ") && !line.startsWith("SELECT pg_catalog.set_config"))
                .reduce("", (all, line) -> all + line + "\n");
    }
}
