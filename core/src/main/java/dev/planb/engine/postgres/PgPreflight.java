/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.spi.Finding;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * What {@code pg_dump} will need, checked before the first backup: the tool and its version; what a
 * backup itself checks before it dumps ({@link PgDumpScope}: USAGE and SELECT on what it dumps,
 * row-level security, large objects, filters that could not be restored), said as a finding instead
 * of a refusal; objects owned by other roles; filter names that match nothing; the encoding. Each
 * problem is one finding naming the GRANT or setting that fixes it.
 */
final class PgPreflight {

    private static final String USER_SCHEMAS = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";

    private final PostgresOptions options;
    private final Set<String> tables;
    private final List<Finding> findings = new ArrayList<>();
    private String role;

    private PgPreflight(PostgresOptions options) {
        this.options = options;
        this.tables = options.tables().stream().map(PgTables::qualify).collect(Collectors.toSet());
    }

    static List<Finding> findings(DatabaseSource source, PostgresOptions options) {
        PgPreflight preflight = new PgPreflight(options);
        try (Connection connection = PostgresEngine.openConnection(source)) {
            preflight.check(connection);
        } catch (PlanBException e) {
            preflight.findings.add(Finding.blocker("database", e.getMessage()));
        } catch (SQLException e) {
            preflight.findings.add(Finding.blocker("database", "cannot read the catalog of " + source.redactedUrl()
                    + ": " + Messages.firstLine(e)));
        }
        return preflight.findings;
    }

    private void check(Connection connection) throws SQLException {
        role = Jdbc.queryString(connection, "SELECT quote_ident(current_user)");
        String version = Jdbc.queryString(connection, "SHOW server_version");
        int major = Integer.parseInt(Jdbc.queryString(connection, "SHOW server_version_num")) / 10_000;
        findings.add(Finding.ok("database", "connected to PostgreSQL " + version + " as " + role));
        try {
            PgTools.Tool pgDump = PgTools.find("pg_dump", options.tools(), major);
            findings.add(Finding.ok("dump tool", "pg_dump " + pgDump.version() + " (" + pgDump.path()
                    + ") reads PostgreSQL " + major));
        } catch (PlanBException e) {
            findings.add(Finding.blocker("dump tool", e.getMessage()));
        }
        scope(connection);
        owners(connection);
        defaultPrivileges(connection);
        filterNames(connection);
        encoding(connection);
    }

    /** A restore keeps owners: the target then needs those roles, or a restore with --no-owner. */
    private void owners(Connection connection) throws SQLException {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT n.nspname, c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
                + " quote_ident(pg_get_userbyid(c.relowner)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND " + USER_SCHEMAS
                + " AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                + " AND d.deptype = 'e') ORDER BY 4, 1, 2")) {
            while (rows.next()) {
                if (inScope(rows.getString(1), rows.getString(2))) {
                    byOwner.computeIfAbsent(rows.getString(4), owner -> new ArrayList<>()).add(rows.getString(3));
                }
            }
        }
        byOwner.forEach((owner, objects) -> findings.add(Finding.warning("owner", objects.size()
                + " object(s) are owned by role " + owner + " (" + String.join(", ", objects.subList(0, Math.min(5,
                objects.size()))) + (objects.size() > 5 ? ", …" : "") + "): a restore keeps owners, so the target"
                + " server needs role " + owner + " and a restoring user that is a member of it; or restore with"
                + " --no-owner (the restoring user then owns everything)")));
    }

    /**
     * pg_dump writes {@code ALTER DEFAULT PRIVILEGES FOR ROLE r}, which even a {@code --no-owner} restore runs
     * and which only a member of {@code r} may run: say so before the first restore fails on it.
     */
    private void defaultPrivileges(Connection connection) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT DISTINCT quote_ident(pg_get_userbyid(d.defaclrole)) FROM pg_default_acl d"
                + " WHERE d.defaclrole <> (SELECT oid FROM pg_roles WHERE rolname = current_user) ORDER BY 1")) {
            while (rows.next()) {
                roles.add(rows.getString(1));
            }
        }
        roles.forEach(role -> findings.add(Finding.warning("default privileges", "role " + role + " has default"
                + " privileges (ALTER DEFAULT PRIVILEGES FOR ROLE " + role + "): every restore runs them, even with"
                + " --no-owner, so restore as a superuser or as a member of " + role + " (GRANT " + role
                + " TO <restore user>), or the restore fails with 'must be member of role " + role + "'")));
    }

    /**
     * The checks every backup runs before it dumps ({@link PgDumpScope}, {@link PgReadAccess}): a filter
     * it would refuse and each read problem are blockers with the same message; what the filters leave
     * out although it is in the database is a warning.
     */
    private void scope(Connection connection) throws SQLException {
        BiPredicate<String, String> dumped = this::inScope;
        try {
            PgDumpScope scope = PgDumpScope.filters(connection, options);
            dumped = scope::dumpedRelation;
            scope.omitted().forEach(omitted -> findings.add(Finding.warning("filter", "not in the dump: " + omitted)));
        } catch (PlanBException refused) {
            findings.add(Finding.blocker("filter", refused.getMessage()));
        }
        List<String> problems = PgReadAccess.problems(connection, dumped);
        problems.forEach(problem -> findings.add(Finding.blocker("privileges", problem)));
        if (problems.isEmpty()) {
            findings.add(Finding.ok("privileges", "role " + role + " may read every schema, table, sequence and large"
                    + " object the backup holds"));
        }
    }

    /** Filter names that match nothing: the backup would silently hold none of what the user meant. */
    private void filterNames(Connection connection) throws SQLException {
        for (String schema : options.tables().isEmpty() ? options.schemas() : List.<String>of()) {
            if (Jdbc.queryStrings(connection, "SELECT 1 FROM pg_namespace WHERE nspname = ?", schema).isEmpty()) {
                findings.add(Finding.warning("filter", "schema " + schema + " named by the --schema filter does not"
                        + " exist: the backup would hold nothing of it; check the name (it is case-sensitive)"));
            }
        }
        for (String table : tables) {
            int dot = table.indexOf('.');
            if (Jdbc.queryStrings(connection, "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = ? AND c.relname = ?", table.substring(0, dot), table.substring(dot + 1)).isEmpty()) {
                findings.add(Finding.warning("filter", "table " + table + " named by the --table filter does not exist:"
                        + " the backup would hold nothing of it; check the name (schema.table, case-sensitive)"));
            }
        }
    }

    /** A new database PlanB creates for a restore gets the server's default encoding, not this one's. */
    private void encoding(Connection connection) throws SQLException {
        String sql = "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype FROM pg_database"
                + " WHERE datname = ";
        String[] here = Jdbc.queryString(connection, sql + "current_database()").split(" ");
        String[] server = Jdbc.queryString(connection, sql + "'template1'").split(" ");
        if ("SQL_ASCII".equals(here[0])) {
            findings.add(Finding.warning("charset", "the database's encoding is SQL_ASCII: PostgreSQL stores bytes"
                    + " unchecked, and a restore into a UTF8 database fails on any that are not valid UTF-8; convert the"
                    + " database to UTF8"));
        } else if (!here[0].equals(server[0]) || !here[1].equals(server[1]) || !here[2].equals(server[2])) {
            findings.add(Finding.warning("charset", "the database's encoding " + here[0] + " (collation " + here[1]
                    + ") differs from the server's default " + server[0] + " (" + server[1] + "), which a restore into a"
                    + " new database gets: create the target first with CREATE DATABASE target ENCODING '" + here[0]
                    + "' LC_COLLATE '" + here[1] + "' LC_CTYPE '" + here[2] + "' TEMPLATE template0"));
        } else {
            findings.add(Finding.ok("charset", "encoding " + here[0] + ", collation " + here[1]
                    + " (the server's default)"));
        }
    }

    /** Whether pg_dump dumps this relation with the options' filters (as {@link PgDumpScope} decides it). */
    private boolean inScope(String schema, String name) {
        String qualified = schema + "." + name;
        if (options.excludedTables().stream().map(PgTables::qualify).anyMatch(qualified::equals)) {
            return false;
        }
        return tables.isEmpty() ? (options.schemas().isEmpty() || options.schemas().contains(schema))
                && !options.excludedSchemas().contains(schema) : tables.contains(qualified);
    }
}
