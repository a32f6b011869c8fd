/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.TablePlacement;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table-level restore from a {@code mariadb-dump} script: the chosen tables' statements are picked
 * out of the stream and renamed on the way ({@link DumpTableFilter}) into a private staged file, which
 * the {@code mariadb} client runs against the live database (or, for {@code --into-schema}, another
 * database on the server, created if absent). The counts are checked; when anything fails, the tables
 * it created (and a database it created) are dropped. {@code --replace} moves the rows into the live
 * table in one transaction, then drops the restored copy.
 */
final class MariaDbTableRestore {

    private final MariaDbOptions options;

    MariaDbTableRestore(MariaDbOptions options) {
        this.options = options;
    }

    /** How manifests name a table: bare in the target database, {@code database.table} in another. */
    private static TablePlacement.Naming naming() {
        return new TablePlacement.Naming() {
            @Override
            public QualifiedTable parse(String manifestName) {
                return table(null, manifestName);
            }

            @Override
            public QualifiedTable table(String schema, String name) {
                return new QualifiedTable(schema, name, schema == null ? name : schema + "." + name);
            }
        };
    }

    List<TablePlacement> check(DatabaseSource target, TableRestore restore) {
        try (Connection connection = open(target)) {
            List<TablePlacement> placements = TablePlacement.place(restore, naming(), table -> exists(connection, table));
            TablePlacement.refuseConflicts(placements, restore, connection, table -> exists(connection, table));
            return placements;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read MariaDB database "
                    + target.redactedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    List<RestoredTable> restore(InputStream dump, DatabaseSource target, TableRestore restore) throws IOException {
        List<TablePlacement> placements = check(target, restore);
        Map<String, String> renames = new LinkedHashMap<>();
        placements.forEach(placement -> renames.put(placement.live().name(), placement.restored().name()));
        MariaDbConnection connection = MariaDbConnection.of(target);
        String database = restore.schema() != null ? restore.schema() : connection.database();
        MariaDbTools.Tool client = MariaDbTools.client(options.tools());
        try (PrivateFolder folder = PrivateFolder.create()) {
            Path staged = folder.path().resolve("tables.sql");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(staged), 64 * 1024)) {
                new DumpTableFilter(renames).copy(new BufferedInputStream(dump, 64 * 1024), out);
            }
            boolean created = restore.schema() != null && createDatabase(target, restore.schema());
            try {
                try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(staged), 64 * 1024)) {
                    if (!client.isMariaDb()) {
                        MariaDbEngine.skipSandboxLine(in);
                    }
                    ToolRunner.run(new ToolCommand(client.name(), List.of(client.path().toString(), "--defaults-file="
                            + connection.optionFile(folder), "--batch", "--", database)), in, null);
                }
                return finish(target, restore, placements);
            } catch (IOException | RuntimeException e) {
                String undone = undo(target, placements, created ? restore.schema() : null);
                if (e instanceof PlanBException planb) {
                    throw new PlanBException(planb.code(), planb.getMessage() + undone, planb);
                }
                throw new IOException(Messages.firstLine(e) + undone, e);
            }
        }
    }

    /** Checks the counts; for {@code --replace}, moves the rows into the live tables and drops the copies. */
    private static List<RestoredTable> finish(DatabaseSource target, TableRestore restore, List<TablePlacement> placements)
            throws IOException {
        try (Connection connection = open(target)) {
            List<RestoredTable> restored = TablePlacement.checkCounts(connection, placements);
            List<TablePlacement> moves = placements.stream().filter(TablePlacement::movesIntoLive)
                    .toList();
            if (!moves.isEmpty()) {
                connection.setAutoCommit(false);
                for (TablePlacement placement : moves) {
                    placement.moveRowsIntoLive(connection, "");
                }
                connection.commit();
                connection.setAutoCommit(true);
                TablePlacement.drop(connection, moves.stream().map(TablePlacement::restored).toList());
            }
            return restored;
        } catch (SQLException e) {
            throw new IOException("cannot finish the table-level restore: " + Messages.firstLine(e), e);
        }
    }

    /** Drops what the restore created; says what was done, or what to do by hand. */
    private static String undo(DatabaseSource target, List<TablePlacement> placements, String createdDatabase) {
        try (Connection connection = open(target); Statement statement = connection.createStatement()) {
            TablePlacement.drop(connection, TablePlacement.created(placements));
            if (createdDatabase != null) {
                statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quoteIdentifier(createdDatabase));
            }
            return "; the tables it created were dropped again, the live tables are as they were";
        } catch (SQLException | RuntimeException e) {
            return "; the tables it created could not be dropped (" + Messages.firstLine(e) + "): drop "
                    + TablePlacement.created(placements).stream().map(QualifiedTable::displayName).toList()
                    + " before trying again";
        }
    }

    /** Creates the database for {@code --into-schema} if it does not exist; whether this restore created it. */
    private static boolean createDatabase(DatabaseSource target, String database) {
        try (Connection connection = open(target); Statement statement = connection.createStatement()) {
            boolean exists = !Jdbc.queryStrings(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                    + " WHERE SCHEMA_NAME = ?", database).isEmpty();
            if (!exists) {
                statement.execute("CREATE DATABASE " + Jdbc.quoteIdentifier(database));
            }
            return !exists;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot create database " + database + " for --into-schema on "
                    + target.redactedUrl() + ": " + Messages.firstLine(e) + ": create it, or grant CREATE ON `"
                    + database + "`.* to the restoring user", e);
        }
    }

    private static boolean exists(Connection connection, QualifiedTable table) throws SQLException {
        return !Jdbc.queryStrings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?", table.schema(), table.name()).isEmpty();
    }

    /** A connection that quotes names with double quotes, as {@link QualifiedTable#quoted()} does. */
    private static Connection open(DatabaseSource target) throws SQLException {
        Connection connection = MariaDbEngine.openConnection(target);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
