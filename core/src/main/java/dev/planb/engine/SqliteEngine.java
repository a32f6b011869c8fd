/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.DumpResult;
import dev.planb.spi.PlanName;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.ProcessOwnedFiles;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * SQLite through the {@code org.xerial:sqlite-jdbc} driver. A backup is a consistent copy of the
 * database file taken with SQLite's online backup API, so the application may keep writing; the
 * stored artifact, once decompressed, is an ordinary SQLite database file.
 *
 * <p>The online backup API writes to a file: the snapshot is staged in the JVM's temporary
 * folder ({@code java.io.tmpdir}) and deleted when the run ends, or by the next run if the
 * process was killed.
 */
public final class SqliteEngine implements DatabaseEngine {

    private static final String PREFIX = "jdbc:sqlite:";
    private static final String DRIVER = "org.xerial:sqlite-jdbc";
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * A SQLite engine; it has no options. {@link DatabaseEngines} finds it through {@link java.util.ServiceLoader}
     * when the JDBC URL starts with {@code jdbc:sqlite:}.
     */
    public SqliteEngine() {
    }


    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public String dumpFileName() {
        return "database.sqlite";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        String file = databaseFile(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return PlanName.derive(dot > 0 ? file.substring(0, dot) : file);
    }

    @Override
    public void checkReadable(DatabaseSource source) {
        Path file = databaseFile(source);
        if (!Files.isRegularFile(file)) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "SQLite database file " + file.toAbsolutePath()
                    + " does not exist: check the path in the database URL " + source.redactedUrl());
        }
        if (!hasSqliteHeader(file)) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE,
                    "File " + file.toAbsolutePath() + " is not a SQLite database: check the database URL");
        }
    }

    @Override
    public long estimateDumpSize(DatabaseSource source) {
        try {
            return Files.size(databaseFile(source));
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        checkReadable(source);
        Path snapshot = Snapshots.create();
        try {
            String serverVersion;
            String driverVersion;
            try (Connection connection = Jdbc.connect(source, source.jdbcUrl(), readOnly(), DRIVER);
                    Statement statement = connection.createStatement()) {
                serverVersion = Jdbc.queryString(connection, "SELECT sqlite_version()");
                driverVersion = connection.getMetaData().getDriverVersion();
                statement.executeUpdate("backup to " + quotePath(snapshot));
            } catch (SQLException e) {
                throw new PlanBException(ErrorCode.DUMP_FAILED, "SQLite online backup of " + source.redactedUrl()
                        + " failed: " + Messages.firstLine(e), e);
            }
            List<TableCount> tables = tableCounts(DatabaseSource.of(PREFIX + snapshot));
            Files.copy(snapshot, out);
            return new DumpResult(serverVersion, "sqlite online backup (sqlite-jdbc)", driverVersion, tables);
        } finally {
            Files.deleteIfExists(snapshot);
        }
    }

    @Override
    public void checkRestoreTarget(DatabaseSource target, boolean force) {
        Path file = databaseFile(target);
        if (force || !Files.exists(file) || sizeOf(file) == 0) {
            return;
        }
        RestoreTargets.refuseTables("SQLite database " + file.toAbsolutePath(), tableCounts(target), "a new file",
                "replace its content");
    }

    @Override
    public void restore(InputStream dump, DatabaseSource target) throws IOException {
        Path file = databaseFile(target).toAbsolutePath();
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // named after this process, so that what a killed restore left is removed by the next one
        String staging = "." + file.getFileName() + ".planb-restore-";
        ProcessOwnedFiles.removeOrphans(folder, staging);
        Path staged = Files.createTempFile(folder, ProcessOwnedFiles.prefix(staging), ".tmp");
        try {
            Files.copy(dump, staged, StandardCopyOption.REPLACE_EXISTING);
            if (!hasSqliteHeader(staged)) {
                throw new PlanBException(ErrorCode.RESTORE_FAILED, "The backup does not contain a SQLite database file");
            }
            if (!Files.exists(file) || sizeOf(file) == 0) {
                Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            // An existing database may be open elsewhere or have a WAL: SQLite's own restore replaces it safely.
            try (Connection connection = Jdbc.connect(target, target.jdbcUrl(), new Properties(), DRIVER);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("restore from " + quotePath(staged));
            } catch (SQLException e) {
                throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot restore into SQLite database " + file
                        + ": " + Messages.firstLine(e), e);
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    @Override
    public void checkTableRestoreTarget(DatabaseSource target, TableRestore restore) {
        requireExisting(target);
        try (Connection connection = Jdbc.connect(target, target.jdbcUrl(), new Properties(), DRIVER)) {
            SqliteTableRestore.check(target, connection, restore);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read SQLite database " + target.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * Stages the backup's file in {@code java.io.tmpdir}, attaches it and copies the tables in one
     * transaction; see {@link SqliteTableRestore}.
     */
    @Override
    public List<RestoredTable> restoreTables(InputStream dump, DatabaseSource target, TableRestore restore)
            throws IOException {
        requireExisting(target);
        Path staged = Snapshots.create();
        try (Connection connection = Jdbc.connect(target, target.jdbcUrl(), new Properties(), DRIVER)) {
            return SqliteTableRestore.restore(dump, staged, connection, restore);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot restore tables into SQLite database "
                    + databaseFile(target).toAbsolutePath() + ": " + Messages.firstLine(e) + "; nothing was changed", e);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private static void requireExisting(DatabaseSource target) {
        Path file = databaseFile(target);
        if (!Files.isRegularFile(file)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "SQLite database file " + file.toAbsolutePath()
                    + " does not exist: a table-level restore puts tables into an existing database; to restore the"
                    + " whole backup into a new file, leave out --table");
        }
    }

    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        try (Connection connection = Jdbc.connect(source, source.jdbcUrl(), readOnly(), DRIVER)) {
            List<QualifiedTable> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                            + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    tables.add(new QualifiedTable(null, name, name));
                }
            }
            return TableRows.count(connection, tables);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read tables of SQLite database "
                    + source.redactedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    @Override
    public Connection connect(DatabaseSource source) {
        return Jdbc.connect(source, source.jdbcUrl(), new Properties(), DRIVER);
    }

    /** Scratch databases are files in a marked folder in {@code java.io.tmpdir}. */
    @Override
    public Optional<ScratchDatabases> scratchDatabases() {
        return Optional.of(new FileScratchDatabases(folder -> PREFIX + folder.resolve("scratch.db")));
    }

    @Override
    public String manualRestoreSteps(String dumpFile) {
        return """
                The decompressed file `%1$s` is a complete SQLite database. Check it, then put it in place
                of the application's database while the application is stopped:

                ```sh
                sqlite3 %1$s 'PRAGMA integrity_check'      # prints: ok
                mv %1$s /path/to/app.db
                ```
                """.formatted(dumpFile);
    }

    /** Attach the backup's file to the live database and copy the table, with its own CREATE statements. */
    @Override
    public String manualTableRestoreSteps(String dumpFile, String table) {
        return """
                Print the table's own statements, then attach the backup's file to the live database and copy it
                as `%2$s_before`:

                ```sh
                sqlite3 %1$s '.schema %2$s'     # its CREATE TABLE and CREATE INDEX statements
                sqlite3 /path/to/app.db
                ```

                ```sql
                ATTACH '%1$s' AS backup;
                -- the CREATE statements printed above, with %2$s renamed to %2$s_before (and each index renamed)
                INSERT INTO %2$s_before SELECT * FROM backup.%2$s;
                DETACH backup;
                ```
                """.formatted(dumpFile, table);
    }

    /**
     * The database file named by a {@code jdbc:sqlite:} URL.
     *
     * @param source a source with a {@code jdbc:sqlite:} URL; {@code file:} and query parameters are allowed
     * @return the file's path, as the URL gives it (relative paths stay relative)
     * @throws PlanBException when the URL names no file (an in-memory database)

     */
    public static Path databaseFile(DatabaseSource source) {
        String rest = source.jdbcUrl().substring(PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith(":resource:")) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "SQLite URL " + source.redactedUrl()
                    + " does not name a database file: use jdbc:sqlite:/path/to/app.db");
        }
        return Path.of(rest);
    }

    private static Properties readOnly() {
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1");
        return properties;
    }

    private static String quotePath(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            return false;
        }
    }
}
