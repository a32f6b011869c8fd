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
import java.util.stream.Collectors;

/**
 * What {@code pg_dump} will need, checked before the first backup: the tool and its version, USAGE
 * on every schema and SELECT on every table and sequence it dumps, row-level security it cannot
 * bypass, large objects it may not read, what a {@code --schema}/{@code --table} filter leaves out,
 * and the database's encoding. Each problem is one finding naming the GRANT or setting that fixes it.
 */
final class PgPreflight {

    /** Above this many objects of one schema, the GRANT names the whole schema instead of each object. */
    private static final int LISTED = 10;
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
        int before = findings.size();
        boolean bypassesAll = "t".equals(Jdbc.queryString(connection,
                "SELECT rolsuper::text::char FROM pg_roles WHERE rolname = current_user"));
        if (!bypassesAll) {
            schemaUsage(connection);
            unreadableRelations(connection);
            rowLevelSecurity(connection);
            if (!options.selectsPart()) {
                unreadableLargeObjects(connection);
            }
        }
        if (findings.size() == before) {
            findings.add(Finding.ok("privileges", "role " + role + " may read every table, sequence and large object"
                    + " the backup holds"));
        }
        owners(connection);
        filter(connection);
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

    private void schemaUsage(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT n.nspname, quote_ident(n.nspname)"
                + " FROM pg_namespace n WHERE " + USER_SCHEMAS + " AND NOT has_schema_privilege(n.oid, 'USAGE')"
                + " AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'S'))"
                + " ORDER BY 1")) {
            while (rows.next()) {
                if (schemaInScope(rows.getString(1))) {
                    findings.add(Finding.blocker("privileges", "role " + role + " may not use schema " + rows.getString(2)
                            + ", so pg_dump cannot lock or read its tables: GRANT USAGE ON SCHEMA " + rows.getString(2)
                            + " TO " + role));
                }
            }
        }
    }

    /** Tables and sequences without SELECT, one finding per schema and kind. */
    private void unreadableRelations(Connection connection) throws SQLException {
        Map<String, List<String>> tablesBySchema = new LinkedHashMap<>();
        Map<String, List<String>> sequencesBySchema = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT n.nspname, c.relname,"
                + " quote_ident(n.nspname), quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'S')"
                + " AND " + USER_SCHEMAS + " AND NOT has_table_privilege(c.oid, 'SELECT') ORDER BY 1, 2")) {
            while (rows.next()) {
                if (inScope(rows.getString(1), rows.getString(2))) {
                    Map<String, List<String>> kind = "S".equals(rows.getString(5)) ? sequencesBySchema : tablesBySchema;
                    kind.computeIfAbsent(rows.getString(3), schema -> new ArrayList<>()).add(rows.getString(4));
                }
            }
        }
        tablesBySchema.forEach((schema, names) -> findings.add(unreadable(schema, names, "table", "TABLE", "TABLES")));
        sequencesBySchema.forEach((schema, names) -> findings.add(unreadable(schema, names, "sequence", "SEQUENCE",
                "SEQUENCES")));
    }

    private Finding unreadable(String schema, List<String> names, String noun, String keyword, String plural) {
        String grant = names.size() > LISTED
                ? "GRANT SELECT ON ALL " + plural + " IN SCHEMA " + schema + " TO " + role
                : "GRANT SELECT ON " + keyword + " " + String.join(", ", names) + " TO " + role;
        String listed = names.size() > LISTED ? String.join(", ", names.subList(0, LISTED)) + ", …"
                : String.join(", ", names);
        return Finding.blocker("privileges", "role " + role + " cannot read " + names.size() + " " + noun + "(s) in schema "
                + schema + " (" + listed + "): " + grant);
    }

    /** pg_dump turns row security off and fails on a table whose policies would hide rows from the role. */
    private void rowLevelSecurity(Connection connection) throws SQLException {
        if ("t".equals(Jdbc.queryString(connection,
                "SELECT rolbypassrls::text::char FROM pg_roles WHERE rolname = current_user"))) {
            return;
        }
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT n.nspname, c.relname,"
                + " quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND c.relrowsecurity AND " + USER_SCHEMAS
                + " AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE')) ORDER BY 1, 2")) {
            while (rows.next()) {
                if (inScope(rows.getString(1), rows.getString(2))) {
                    findings.add(Finding.blocker("privileges", "row-level security on " + rows.getString(3)
                            + " would hide rows from role " + role + ", and pg_dump refuses to dump part of a table:"
                            + " ALTER ROLE " + role + " BYPASSRLS (as a superuser)"));
                }
            }
        }
    }

    private void unreadableLargeObjects(Connection connection) throws SQLException {
        if ("on".equals(Jdbc.queryString(connection, "SHOW lo_compat_privileges"))) {
            return;
        }
        List<String> oids = Jdbc.queryStrings(connection, "SELECT m.oid::text FROM pg_largeobject_metadata m"
                + " WHERE NOT pg_has_role(m.lomowner, 'USAGE') AND NOT EXISTS (SELECT 1 FROM aclexplode(m.lomacl) a"
                + " WHERE a.privilege_type = 'SELECT' AND (a.grantee = 0 OR pg_has_role(a.grantee, 'USAGE')))"
                + " ORDER BY m.oid LIMIT " + (LISTED + 1));
        if (!oids.isEmpty()) {
            String listed = oids.size() > LISTED ? String.join(", ", oids.subList(0, LISTED)) + ", …"
                    : String.join(", ", oids);
            findings.add(Finding.blocker("privileges", "role " + role + " cannot read large object(s) " + listed
                    + ": GRANT SELECT ON LARGE OBJECT " + oids.get(0) + " TO " + role + " (for each), or make " + role
                    + " their owner"));
        }
    }

    /**
     * Filter names that match nothing, and what the backup would refuse or leave out with these filters
     * ({@link PgDumpScope}: extensions and large objects are kept).
     */
    private void filter(Connection connection) throws SQLException {
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
        try {
            PgDumpScope.filters(connection, options).omitted()
                    .forEach(omitted -> findings.add(Finding.warning("filter", "not in the dump: " + omitted)));
        } catch (PlanBException refused) {
            findings.add(Finding.blocker("filter", refused.getMessage()));
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

    private boolean schemaInScope(String schema) {
        if (!tables.isEmpty()) {
            return tables.stream().anyMatch(table -> table.startsWith(schema + "."));
        }
        return (options.schemas().isEmpty() || options.schemas().contains(schema))
                && !options.excludedSchemas().contains(schema);
    }

    private boolean inScope(String schema, String name) {
        String qualified = schema + "." + name;
        if (options.excludedTables().stream().map(PgTables::qualify).anyMatch(qualified::equals)) {
            return false;
        }
        return tables.isEmpty() ? schemaInScope(schema) : tables.contains(qualified);
    }
}
