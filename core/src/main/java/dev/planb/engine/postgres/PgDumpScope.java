/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code pg_dump} will dump with the plan's filters, checked in the dump's snapshot before it
 * starts, so that a backup either restores into a new database or is refused with the reason:
 *
 * <ul>
 *   <li>the backup user must be able to read everything dumped ({@link PgReadAccess}; otherwise pg_dump
 *       dies with a snapshot error that hides the real cause, found only in the server log);
 *   <li>{@code pg_dump --schema} would emit {@code CREATE SCHEMA public} (which fails in every new
 *       database) and leave out extensions, large objects and database-wide objects: PlanB passes
 *       {@code --exclude-schema} for every other schema of the snapshot instead, which dumps the same
 *       schemas the way a whole-database dump does;
 *   <li>{@code --table} leaves out extensions and large objects: PlanB adds them back ({@code --extension}
 *       for each installed one, {@code --blobs}) and warns about database-wide objects that stay out
 *       (event triggers, casts, languages, foreign servers, publications); it dumps no
 *       {@code CREATE SCHEMA}, so a table outside {@code public} is refused;
 *   <li>an extension installed in a schema that is not dumped is refused (a restore could not create it);
 *   <li>a dumped object that depends on one the filters leave out (a type, function, table of another
 *       schema) is refused, naming both.
 * </ul>
 */
final class PgDumpScope {

    static final String SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema', 'pg_toast')";

    /** Each ordinary dependency between user objects of two different schemas or relations. */
    private static final String DEPENDENCIES = """
            WITH deps AS (
              SELECT d.classid, d.objid, d.refclassid, d.refobjid,
                     CASE d.classid
                       WHEN 'pg_class'::regclass THEN coalesce(
                           (SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = d.objid), d.objid)
                       WHEN 'pg_constraint'::regclass THEN (SELECT nullif(conrelid, 0) FROM pg_constraint WHERE oid = d.objid)
                       WHEN 'pg_attrdef'::regclass THEN (SELECT adrelid FROM pg_attrdef WHERE oid = d.objid)
                       WHEN 'pg_trigger'::regclass THEN (SELECT tgrelid FROM pg_trigger WHERE oid = d.objid)
                       WHEN 'pg_rewrite'::regclass THEN (SELECT ev_class FROM pg_rewrite WHERE oid = d.objid)
                       WHEN 'pg_policy'::regclass THEN (SELECT polrelid FROM pg_policy WHERE oid = d.objid)
                     END AS relation
              FROM pg_depend d
              WHERE d.deptype = 'n' AND d.refclassid <> 'pg_namespace'::regclass
                AND d.classid <> 'pg_namespace'::regclass)
            SELECT coalesce(rn.nspname, o.schema), rc.relname, o.identity,
                   r.type, r.schema, r.identity, refrel.relname, ownern.nspname, owner.relname
            FROM deps
            CROSS JOIN LATERAL pg_identify_object(deps.classid, deps.objid, 0) o
            CROSS JOIN LATERAL pg_identify_object(deps.refclassid, deps.refobjid, 0) r
            LEFT JOIN pg_class rc ON rc.oid = deps.relation
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_class refrel ON deps.refclassid = 'pg_class'::regclass AND refrel.oid = deps.refobjid
            LEFT JOIN pg_depend owned ON refrel.relkind = 'S' AND owned.classid = 'pg_class'::regclass
                 AND owned.objid = refrel.oid AND owned.refclassid = 'pg_class'::regclass AND owned.deptype IN ('a', 'i')
            LEFT JOIN pg_class owner ON owner.oid = owned.refobjid
            LEFT JOIN pg_namespace ownern ON ownern.oid = owner.relnamespace
            WHERE r.schema IS NOT NULL AND r.schema NOT IN\s""" + SYSTEM_SCHEMAS + """
              AND coalesce(rn.nspname, o.schema) IS NOT NULL
              AND coalesce(rn.nspname, o.schema) NOT IN\s""" + SYSTEM_SCHEMAS + """
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = deps.refclassid
                              AND e.objid = deps.refobjid AND e.deptype = 'e')
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = deps.classid
                              AND e.objid = deps.objid AND e.deptype = 'e')""";

    private static final String DATABASE_WIDE = """
            SELECT 'event trigger ' || evtname FROM pg_event_trigger
            UNION ALL SELECT 'cast ' || format('(%s AS %s)', castsource::regtype, casttarget::regtype) FROM pg_cast
              WHERE oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_cast'::regclass
                                                 AND e.objid = pg_cast.oid AND e.deptype = 'e')
            UNION ALL SELECT 'language ' || lanname FROM pg_language WHERE oid >= 16384
              AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_language'::regclass
                              AND e.objid = pg_language.oid AND e.deptype = 'e')
            UNION ALL SELECT 'foreign server ' || srvname FROM pg_foreign_server
            UNION ALL SELECT 'publication ' || pubname FROM pg_publication
            ORDER BY 1""";

    private final PostgresOptions options;
    private final Set<String> tables;
    private final Set<String> excludedTables;
    private final List<String> schemas = new ArrayList<>();
    private final List<String> extensions = new ArrayList<>();
    private final List<String> omitted = new ArrayList<>();
    private boolean largeObjects;

    private PgDumpScope(PostgresOptions options) {
        this.options = options;
        this.tables = qualified(options.tables());
        this.excludedTables = qualified(options.excludedTables());
    }

    /**
     * Checks what {@code options} make pg_dump dump, in {@code connection}'s transaction: the filters, then
     * whether the current user can read everything dumped.
     *
     * @param database the database's name, for messages
     * @throws PlanBException with {@link ErrorCode#DUMP_FAILED} when the backup user cannot read something
     *     dumped, or with {@link ErrorCode#INVALID_SETTING} when the filters make a backup that cannot be restored
     */
    static PgDumpScope check(Connection connection, PostgresOptions options, String database) throws SQLException {
        PgDumpScope scope = filters(connection, options);
        List<String> unreadable = PgReadAccess.problems(connection, scope::dumpedRelation);
        if (!unreadable.isEmpty()) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, unreadable.get(0) + " (database " + database + ")");
        }
        return scope;
    }

    /**
     * Checks only the filters of {@code options}, as {@link #check} does; for a preflight.
     *
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when they make a backup that cannot be restored
     */
    static PgDumpScope filters(Connection connection, PostgresOptions options) throws SQLException {
        PgDumpScope scope = new PgDumpScope(options);
        scope.schemas.addAll(Jdbc.queryStrings(connection, "SELECT nspname FROM pg_namespace WHERE nspname NOT IN"
                + " ('information_schema', 'pg_catalog', 'pg_toast') AND nspname NOT LIKE 'pg\\_temp\\_%'"
                + " AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' ORDER BY 1"));
        if (options.selectsPart()) {
            scope.checkFilters(connection);
        }
        return scope;
    }

    /**
     * pg_dump's selection arguments: {@code --exclude-schema} for every schema not dumped, or {@code --table}
     * with the extensions and large objects, then {@code --exclude-table}; each name quoted to match exactly.
     */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        if (options.tables().isEmpty()) {
            schemas.stream().filter(schema -> !dumpedSchema(schema))
                    .forEach(schema -> arguments.add("--exclude-schema=" + PostgresEngine.quotedPattern(schema)));
        } else {
            options.tables().forEach(table -> arguments.add("--table=" + tablePattern(table)));
            extensions.forEach(extension -> arguments.add("--extension=" + PostgresEngine.quotedPattern(extension)));
            if (largeObjects) {
                arguments.add("--blobs");
            }
        }
        options.excludedTables().forEach(table -> arguments.add("--exclude-table=" + tablePattern(table)));
        return arguments;
    }

    private static String tablePattern(String table) {
        String qualified = PgTables.qualify(table);
        int dot = qualified.indexOf('.');
        return PostgresEngine.quotedPattern(qualified.substring(0, dot)) + "."
                + PostgresEngine.quotedPattern(qualified.substring(dot + 1));
    }

    /** What the dump leaves out although it is in the database, one line each, for the manifest and RESTORE.md. */
    List<String> omitted() {
        return List.copyOf(omitted);
    }

    private void checkFilters(Connection connection) throws SQLException {
        for (String table : options.tables()) {
            String qualified = PgTables.qualify(table);
            String schema = qualified.substring(0, qualified.indexOf('.'));
            if (!"public".equals(schema)) {
                throw refused("--table " + table + " is outside schema public, and pg_dump --table dumps no CREATE"
                        + " SCHEMA, so the backup could not be restored into a new database: use --schema " + schema
                        + " (with --exclude-table for what to leave out) instead");
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT e.extname, n.nspname FROM pg_extension e"
                        + " JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.oid >= 16384 ORDER BY 1")) {
            while (rows.next()) {
                String extension = rows.getString(1);
                String schema = rows.getString(2);
                boolean schemaDumped = options.tables().isEmpty() && dumpedSchema(schema);
                if (!"public".equals(schema) && !"pg_catalog".equals(schema) && !schemaDumped) {
                    throw refused("extension " + extension + " is installed in schema " + schema + ", which the"
                            + " filters leave out, so a restore could not create it: " + (options.tables().isEmpty()
                                    ? "include schema " + schema + " (--schema " + schema + ") or leave out --exclude-schema "
                                            + schema
                                    : "back up with --schema instead of --table"));
                }
                extensions.add(extension);
            }
        }
        largeObjects = !Jdbc.queryStrings(connection, "SELECT 'x' FROM pg_largeobject_metadata LIMIT 1").isEmpty();
        checkDependencies(connection);
        if (!options.tables().isEmpty()) {
            Jdbc.queryStrings(connection, DATABASE_WIDE).forEach(object -> omitted.add(object
                    + " (database-wide: pg_dump --table leaves it out; recreate it by hand, or use --schema)"));
        }
    }

    private void checkDependencies(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DEPENDENCIES);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String schema = rows.getString(1);
                String relation = rows.getString(2);
                String object = rows.getString(3);
                String refType = rows.getString(4);
                String refSchema = rows.getString(5);
                String refIdentity = rows.getString(6);
                String refRelation = rows.getString(7);
                boolean objectDumped = relation != null ? dumpedRelation(schema, relation)
                        : options.tables().isEmpty() && dumpedSchema(schema);
                boolean refDumped = refRelation != null ? dumpedRelation(refSchema, refRelation)
                        || rows.getString(9) != null && dumpedRelation(rows.getString(8), rows.getString(9))
                        : options.tables().isEmpty() && dumpedSchema(refSchema);
                if (objectDumped && !refDumped) {
                    throw refused(object + " depends on " + refType + " " + refIdentity + ", which the filters leave"
                            + " out, so the backup could not be restored: include "
                            + (refRelation != null && !options.tables().isEmpty() ? "table " + refSchema + "." + refRelation
                                    : "schema " + refSchema) + " or leave out " + object);
                }
            }
        }
    }

    /** Whether pg_dump dumps this schema's objects (with no {@code --table}). */
    private boolean dumpedSchema(String schema) {
        return (options.schemas().isEmpty() || options.schemas().contains(schema))
                && !options.excludedSchemas().contains(schema);
    }

    /** Whether pg_dump dumps this table, view or sequence. */
    boolean dumpedRelation(String schema, String name) {
        String qualified = schema + "." + name;
        boolean chosen = tables.isEmpty() ? dumpedSchema(schema) : tables.contains(qualified);
        return chosen && !excludedTables.contains(qualified);
    }

    private static PlanBException refused(String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "Backup refused: " + problem);
    }

    static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static Set<String> qualified(List<String> names) {
        Set<String> qualified = new LinkedHashSet<>();
        names.forEach(name -> qualified.add(PgTables.qualify(name)));
        return qualified;
    }
}
