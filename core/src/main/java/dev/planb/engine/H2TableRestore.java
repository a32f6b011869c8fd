/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A table-level restore from an H2 {@code SCRIPT}: the script runs into a scratch database (a file in
 * {@code java.io.tmpdir}); there the chosen tables lose their foreign keys and get their new names
 * with their constraints and indexes ({@code ALTER … RENAME}, so H2 itself renames every reference);
 * then {@code SCRIPT TABLE} of just those tables streams their {@code CREATE}, {@code ALTER} and
 * {@code INSERT} statements into the live database, one by one. For {@code --into-schema} the schema
 * of those statements is changed instead. The counts are checked; when anything fails, the created
 * tables (and a schema this restore created) are dropped.
 */
final class H2TableRestore {

    private static final List<String> TABLE_STATEMENTS = List.of("CREATE MEMORY TABLE ", "CREATE CACHED TABLE ",
            "CREATE TABLE ", "ALTER TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX ", "CREATE UNIQUE NULLS DISTINCT INDEX ",
            "CREATE UNIQUE NULLS NOT DISTINCT INDEX ", "CREATE UNIQUE NULLS ALL DISTINCT INDEX ", "INSERT INTO ");

    static final TablePlacement.Naming NAMING = new TablePlacement.Naming() {
        @Override
        public QualifiedTable parse(String manifestName) {
            int dot = manifestName.indexOf('.');
            return dot < 0 ? table(null, manifestName) : table(manifestName.substring(0, dot), manifestName.substring(dot + 1));
        }

        /** Follows H2's folding of unquoted names: a name (or schema) typed in lower case is meant in upper case. */
        @Override
        public QualifiedTable table(String schema, String name) {
            String inSchema = schema == null ? "PUBLIC" : schema.equals(schema.toLowerCase(Locale.ROOT))
                    ? schema.toUpperCase(Locale.ROOT) : schema;
            boolean upper = name.chars().filter(Character::isLetter).mapToObj(c -> Character.isUpperCase(c))
                    .findFirst().orElse(true);
            String named = upper ? name.toUpperCase(Locale.ROOT) : name;
            return new QualifiedTable(inSchema, named, "PUBLIC".equals(inSchema) ? named : inSchema + "." + named);
        }
    };

    private H2TableRestore() {
    }

    static List<TablePlacement> check(DatabaseSource target, Connection connection, TableRestore restore) {
        try {
            List<TablePlacement> placements = TablePlacement.place(restore, NAMING, table -> exists(connection, table));
            TablePlacement.refuseConflicts(placements, restore, connection, table -> exists(connection, table));
            return placements;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read H2 database " + target.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    static List<RestoredTable> restore(InputStream dump, DatabaseSource target, Connection live, TableRestore restore,
            ScratchDatabase scratch) throws IOException, SQLException {
        List<TablePlacement> placements = check(target, live, restore);
        Path script = Snapshots.create();
        try (Connection copy = Jdbc.connect(scratch.source(), scratch.source().jdbcUrl(), new Properties(),
                "com.h2database:h2")) {
            Files.copy(dump, script, StandardCopyOption.REPLACE_EXISTING);
            try (Statement statement = copy.createStatement()) {
                statement.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''")
                        + "' CHARSET 'UTF-8'");
            }
            Files.deleteIfExists(script);
            for (TablePlacement placement : placements) {
                prepare(copy, placement);
            }
            String schema = placements.get(0).restored().schema();
            boolean schemaCreated = restore.schema() != null && createSchema(live, schema);
            try {
                copyInto(copy, live, placements, restore.schema() != null);
                List<RestoredTable> restored = TablePlacement.checkCounts(live, placements);
                live.setAutoCommit(false);
                for (TablePlacement placement : placements) {
                    if (placement.movesIntoLive()) {
                        placement.moveRowsIntoLive(live, "");
                        restartIdentity(live, placement.live());
                    }
                }
                live.commit();
                live.setAutoCommit(true);
                TablePlacement.drop(live, placements.stream()
                        .filter(TablePlacement::movesIntoLive).map(TablePlacement::restored).toList());
                return restored;
            } catch (SQLException | RuntimeException e) {
                live.rollback();
                live.setAutoCommit(true);
                TablePlacement.drop(live, TablePlacement.created(placements));
                if (schemaCreated) {
                    try (Statement statement = live.createStatement()) {
                        statement.execute("DROP SCHEMA IF EXISTS " + Jdbc.quoteIdentifier(schema));
                    }
                }
                if (e instanceof PlanBException planb) {
                    throw new PlanBException(planb.code(), planb.getMessage()
                            + "; the tables it created were dropped again", planb);
                }
                throw e;
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** In the scratch database: drops the table's foreign keys and renames it, its constraints and its indexes. */
    private static void prepare(Connection copy, TablePlacement placement) throws SQLException {
        QualifiedTable table = placement.live();
        String restored = placement.restored().name();
        String suffix = placement.inPlace() || !restored.startsWith(table.name()) ? ""
                : restored.substring(table.name().length());
        try (Statement statement = copy.createStatement()) {
            for (String constraint : Jdbc.queryStrings(copy, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_TYPE = 'FOREIGN KEY'", table.schema(), table.name())) {
                statement.execute("ALTER TABLE " + table.quoted() + " DROP CONSTRAINT " + Jdbc.quoteIdentifier(table.schema())
                        + "." + Jdbc.quoteIdentifier(constraint));
            }
            if (suffix.isEmpty()) {
                return;
            }
            for (String constraint : Jdbc.queryStrings(copy, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", table.schema(), table.name())) {
                statement.execute("ALTER TABLE " + table.quoted() + " RENAME CONSTRAINT " + Jdbc.quoteIdentifier(table.schema())
                        + "." + Jdbc.quoteIdentifier(constraint) + " TO " + Jdbc.quoteIdentifier(constraint + suffix));
            }
            for (String index : Jdbc.queryStrings(copy, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?", table.schema(), table.name())) {
                statement.execute("ALTER INDEX " + Jdbc.quoteIdentifier(table.schema()) + "." + Jdbc.quoteIdentifier(index)
                        + " RENAME TO " + Jdbc.quoteIdentifier(index + suffix));
            }
            statement.execute("ALTER TABLE " + table.quoted() + " RENAME TO " + Jdbc.quoteIdentifier(restored));
        }
    }

    /** Streams the tables' statements from the scratch database's {@code SCRIPT TABLE} into the live database. */
    private static void copyInto(Connection copy, Connection live, List<TablePlacement> placements, boolean otherSchema)
            throws SQLException {
        String tables = placements.stream().map(placement -> otherSchema
                ? placement.live().quoted() : placement.restored().quoted()).collect(Collectors.joining(", "));
        try (Statement script = copy.createStatement(); ResultSet statements = script.executeQuery("SCRIPT TABLE " + tables);
                Statement target = live.createStatement()) {
            while (statements.next()) {
                String sql = statements.getString(1);
                if (TABLE_STATEMENTS.stream().noneMatch(sql::startsWith)) {
                    continue;
                }
                target.execute(otherSchema ? inSchema(sql, placements) : sql);
            }
        }
    }

    /** The statement with the tables' schema replaced by the restore's: everywhere in DDL, in the target of an INSERT. */
    private static String inSchema(String sql, List<TablePlacement> placements) {
        String result = sql;
        for (TablePlacement placement : placements) {
            String from = Jdbc.quoteIdentifier(placement.live().schema()) + ".";
            String to = Jdbc.quoteIdentifier(placement.restored().schema()) + ".";
            if (result.startsWith("INSERT INTO " + from)) {
                return "INSERT INTO " + to + result.substring(("INSERT INTO " + from).length());
            }
            result = result.replace(from, to);
        }
        return result;
    }

    /** Sets the live table's identity columns to continue after its highest value. */
    private static void restartIdentity(Connection live, QualifiedTable table) throws SQLException {
        try (Statement statement = live.createStatement()) {
            for (String column : Jdbc.queryStrings(live, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND IS_IDENTITY = 'YES'", table.schema(), table.name())) {
                String max = Jdbc.queryString(live, "SELECT COALESCE(MAX(" + Jdbc.quoteIdentifier(column) + "), 0) + 1 FROM "
                        + table.quoted());
                statement.execute("ALTER TABLE " + table.quoted() + " ALTER COLUMN " + Jdbc.quoteIdentifier(column)
                        + " RESTART WITH " + Long.parseLong(max));
            }
        }
    }

    private static boolean createSchema(Connection live, String schema) throws SQLException {
        boolean exists = !Jdbc.queryStrings(live, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?",
                schema).isEmpty();
        if (!exists) {
            try (Statement statement = live.createStatement()) {
                statement.execute("CREATE SCHEMA " + Jdbc.quoteIdentifier(schema));
            }
        }
        return !exists;
    }

    private static boolean exists(Connection connection, QualifiedTable table) throws SQLException {
        return !Jdbc.queryStrings(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ?", table.schema(), table.name()).isEmpty();
    }
}
