/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Whether the current user can read everything {@code pg_dump} will dump: {@code USAGE} on the schemas,
 * {@code SELECT} on the tables and sequences, every row where row-level security applies to it
 * ({@code FORCE ROW LEVEL SECURITY} applies to owners too), and the large objects. Each problem is one line
 * naming the object and the statement that fixes it.
 */
final class PgReadAccess {

    private static final String DUMPED_RELATIONS = """
            SELECT n.nspname, c.relname, c.relkind::text,
                   has_table_privilege(c.oid, 'SELECT'), has_schema_privilege(n.oid, 'USAGE'),
                   c.relkind IN ('r', 'p') AND row_security_active(c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'S', 'm') AND n.nspname NOT IN\s""" + PgDumpScope.SYSTEM_SCHEMAS + """
              AND n.nspname NOT LIKE 'pg\\_temp%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                              AND d.objid = c.oid AND d.deptype = 'e')
            ORDER BY 1, 2""";

    /** Large objects the current user may not read (PostgreSQL 15 has no has_largeobject_privilege). */
    private static final String UNREADABLE_LARGE_OBJECTS = """
            SELECT l.oid::text FROM pg_largeobject_metadata l
            WHERE NOT current_setting('lo_compat_privileges')::boolean
              AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
              AND NOT pg_has_role(l.lomowner, 'USAGE')
              AND NOT EXISTS (SELECT 1 FROM aclexplode(l.lomacl) a WHERE a.privilege_type = 'SELECT'
                              AND (a.grantee = 0 OR pg_has_role(a.grantee, 'USAGE')))
            ORDER BY l.oid LIMIT 6""";

    private PgReadAccess() {
    }

    /**
     * What keeps the current user from dumping the relations {@code dumped} selects (by schema and name), one
     * line each, most fundamental first; empty when it can read everything.
     */
    static List<String> problems(Connection connection, BiPredicate<String, String> dumped) throws SQLException {
        List<String> unreadable = new ArrayList<>();
        List<String> rowSecurity = new ArrayList<>();
        Set<String> schemasWithoutUsage = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(DUMPED_RELATIONS)) {
            while (rows.next()) {
                String schema = rows.getString(1);
                String name = rows.getString(2);
                boolean dataDumped = !"m".equals(rows.getString(3));
                if (!dumped.test(schema, name)) {
                    continue;
                }
                if (!rows.getBoolean(5)) {
                    schemasWithoutUsage.add(PgDumpScope.quote(schema));
                } else if (dataDumped && !rows.getBoolean(4)) {
                    unreadable.add(PgDumpScope.quote(schema) + "." + PgDumpScope.quote(name));
                } else if (dataDumped && rows.getBoolean(6)) {
                    rowSecurity.add(PgDumpScope.quote(schema) + "." + PgDumpScope.quote(name));
                }
            }
        }
        String user = Jdbc.queryString(connection, "SELECT current_user");
        String role = PgDumpScope.quote(user);
        List<String> problems = new ArrayList<>();
        if (!schemasWithoutUsage.isEmpty()) {
            String first = schemasWithoutUsage.iterator().next();
            problems.add("permission denied for schema " + first + ": user " + user + " cannot read "
                    + (schemasWithoutUsage.size() == 1 ? "it" : "it and " + (schemasWithoutUsage.size() - 1)
                            + " more schema(s)") + "; run GRANT USAGE ON SCHEMA " + String.join(", ", schemasWithoutUsage)
                    + " TO " + role + " (and GRANT SELECT ON ALL TABLES IN SCHEMA …), or GRANT pg_read_all_data TO "
                    + role + ", or leave it out with --exclude-schema " + first);
        }
        if (!unreadable.isEmpty()) {
            List<String> some = unreadable.subList(0, Math.min(5, unreadable.size()));
            problems.add("permission denied for table " + unreadable.get(0) + ": user " + user + " cannot read "
                    + (unreadable.size() == 1 ? "it" : unreadable.size() + " tables/sequences (" + String.join(", ", some)
                            + (unreadable.size() > 5 ? ", …" : "") + ")") + "; run GRANT SELECT ON " + String.join(", ", some)
                    + " TO " + role + " as their owner (or GRANT pg_read_all_data TO " + role + "), or leave "
                    + (unreadable.size() == 1 ? "it" : "them") + " out with --exclude-table " + unreadable.get(0));
        }
        if (!rowSecurity.isEmpty()) {
            problems.add("table " + rowSecurity.get(0) + " has row-level security"
                    + (rowSecurity.size() == 1 ? "" : " (and " + (rowSecurity.size() - 1) + " more)") + " and user " + user
                    + " does not bypass it (owners are subject to FORCE ROW LEVEL SECURITY), so pg_dump would miss rows:"
                    + " run ALTER ROLE " + role + " BYPASSRLS as a superuser, or leave it out with --exclude-table "
                    + rowSecurity.get(0));
        }
        List<String> largeObjects = Jdbc.queryStrings(connection, UNREADABLE_LARGE_OBJECTS);
        if (!largeObjects.isEmpty()) {
            problems.add("permission denied for large object " + largeObjects.get(0)
                    + (largeObjects.size() == 1 ? "" : " (and more)") + ": user " + user + " cannot read it; run GRANT"
                    + " SELECT ON LARGE OBJECT " + largeObjects.get(0) + " TO " + role + " for each large object as its"
                    + " owner (the README has a DO block for all), or set lo_compat_privileges = on");
        }
        return problems;
    }
}
