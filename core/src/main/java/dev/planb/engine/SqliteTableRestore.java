/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.RestoredTable;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table-level restore from a SQLite backup (a database file): the file is staged and attached to
 * the live database; each table's own {@code CREATE TABLE} and {@code CREATE INDEX} statements (as
 * SQLite keeps them in {@code sqlite_master}) run under the new names, the rows are copied, and the
 * {@code AUTOINCREMENT} position is carried over, all in one transaction that commits only when every
 * count matches the manifest. SQLite has no schemas: {@code --into-schema} is refused.
 */
final class SqliteTableRestore {

    private static final String ATTACHED = "planb_backup";
    private static final String NAME = "(\"(?:[^\"]|\"\")*\"|\\[[^\\]]*\\]|`(?:[^`]|``)*`|[^\\s(]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile("^(\\s*CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?)"
            + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile("^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?)" + NAME + "(\\s+ON\\s+)" + NAME, Pattern.CASE_INSENSITIVE);

    static final TablePlacement.Naming NAMING = new TablePlacement.Naming() {
        @Override
        public QualifiedTable parse(String manifestName) {
            return table(null, manifestName);
        }

        @Override
        public QualifiedTable table(String schema, String name) {
            if (schema != null && !schema.equals("main")) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "SQLite has no schemas, so --into-schema " + schema
                        + " cannot be done: restore beside the live table (--as SUFFIX)");
            }
            return new QualifiedTable("main", name, name);
        }
    };

    private SqliteTableRestore() {
    }

    static void check(DatabaseSource target, Connection connection, TableRestore restore) {
        try {
            List<TablePlacement> placements = TablePlacement.place(restore, NAMING, table -> exists(connection, "main", table.name()));
            TablePlacement.refuseConflicts(placements, restore, connection, table -> exists(connection, "main", table.name()));
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read SQLite database " + target.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    static List<RestoredTable> restore(InputStream dump, Path staged, Connection connection, TableRestore restore)
            throws IOException, SQLException {
        Files.copy(dump, staged, StandardCopyOption.REPLACE_EXISTING);
        List<TablePlacement> placements = TablePlacement.place(restore, NAMING, table -> exists(connection, "main", table.name()));
        TablePlacement.refuseConflicts(placements, restore, connection, table -> exists(connection, "main", table.name()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH DATABASE '" + staged.toAbsolutePath().toString().replace("'", "''") + "' AS " + ATTACHED);
        }
        try {
            connection.setAutoCommit(false);
            try {
                for (TablePlacement placement : placements) {
                    copy(connection, placement);
                }
                List<RestoredTable> restored = TablePlacement.checkCounts(connection, placements);
                for (TablePlacement placement : placements) {
                    if (placement.movesIntoLive()) {
                        placement.moveRowsIntoLive(connection, "");
                        TablePlacement.drop(connection, List.of(placement.restored()));
                    }
                }
                connection.commit();
                return restored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                if (e instanceof PlanBException planb) {
                    throw new PlanBException(planb.code(), planb.getMessage() + "; nothing was changed", planb);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("DETACH DATABASE " + ATTACHED);
            }
        }
    }

    /** Creates the restored table and its indexes from the backup's statements, copies the rows and the AUTOINCREMENT position. */
    private static void copy(Connection connection, TablePlacement placement) throws SQLException {
        String table = placement.live().name();
        String restored = placement.restored().name();
        String suffix = restored.startsWith(table) ? restored.substring(table.length()) : "";
        List<String> create = Jdbc.queryStrings(connection, "SELECT sql FROM " + ATTACHED + ".sqlite_master"
                + " WHERE type = 'table' AND name = ?", table);
        if (create.isEmpty()) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "The backup's database file holds no table " + table);
        }
        try (Statement statement = connection.createStatement()) {
            Matcher createTable = CREATE_TABLE.matcher(create.get(0));
            if (!createTable.find()) {
                throw new SQLException("cannot read the CREATE TABLE statement of " + table);
            }
            statement.execute(createTable.replaceFirst(Matcher.quoteReplacement(createTable.group(1)
                    + "main." + Jdbc.quoteIdentifier(restored))));
            statement.execute("INSERT INTO " + placement.restored().quoted() + " SELECT * FROM " + ATTACHED + "."
                    + Jdbc.quoteIdentifier(table));
            try (PreparedStatement indexes = connection.prepareStatement("SELECT name, sql FROM " + ATTACHED
                    + ".sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")) {
                indexes.setString(1, table);
                try (ResultSet rows = indexes.executeQuery()) {
                    while (rows.next()) {
                        Matcher index = CREATE_INDEX.matcher(rows.getString(2));
                        if (index.find()) {
                            statement.execute(index.replaceFirst(Matcher.quoteReplacement(index.group(1) + "main."
                                    + Jdbc.quoteIdentifier(rows.getString(1) + suffix) + index.group(3)
                                    + Jdbc.quoteIdentifier(restored))));
                        }
                    }
                }
            }
        }
        if (exists(connection, ATTACHED, "sqlite_sequence")) {
            List<String> seq = Jdbc.queryStrings(connection, "SELECT seq FROM " + ATTACHED + ".sqlite_sequence WHERE name = ?",
                    table);
            if (!seq.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE main.sqlite_sequence SET seq = ?"
                        + " WHERE name = ?")) {
                    update.setLong(1, Long.parseLong(seq.get(0)));
                    update.setString(2, restored);
                    if (update.executeUpdate() == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO main.sqlite_sequence (name, seq) VALUES (?, ?)")) {
                            insert.setString(1, restored);
                            insert.setLong(2, Long.parseLong(seq.get(0)));
                            insert.executeUpdate();
                        }
                    }
                }
            }
        }
    }

    private static boolean exists(Connection connection, String schema, String table) throws SQLException {
        return !Jdbc.queryStrings(connection, "SELECT name FROM " + schema + ".sqlite_master WHERE type = 'table'"
                + " AND name = ?", table).isEmpty();
    }
}
