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
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * H2 through its JDBC driver ({@code com.h2database:h2}). A backup is the SQL script of H2's
 * {@code SCRIPT} command, streamed row by row from one transaction; a restore runs it with
 * {@code RUNSCRIPT}. As with H2's own {@code SCRIPT}, users keep their salted password hashes, so a
 * restored database does not open to users with empty passwords. With {@code force}, the target's
 * objects are dropped before the script runs: a script that then fails leaves it empty.
 */
public final class H2Engine implements DatabaseEngine {

    private static final String PREFIX = "jdbc:h2:";
    private static final String DRIVER = "com.h2database:h2";
    /** H2's error code for "database not found" when connecting with IFEXISTS=TRUE. */
    private static final int DATABASE_NOT_FOUND = 90146;

    /**
     * An H2 engine; it has no options. {@link DatabaseEngines} finds it through {@link java.util.ServiceLoader}
     * when the JDBC URL starts with {@code jdbc:h2:}.
     */
    public H2Engine() {
    }


    @Override
    public String name() {
        return "h2";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public String dumpFileName() {
        return "database.sql";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        String location = source.jdbcUrl().substring(PREFIX.length());
        int options = location.indexOf(';');
        if (options >= 0) {
            location = location.substring(0, options);
        }
        String name = location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf(':')) + 1);
        return PlanName.derive(name);
    }

    @Override
    public void checkReadable(DatabaseSource source) {
        try (Connection connection = connectExisting(source)) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read H2 database " + source.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        try (Connection connection = connectExisting(source)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String version = Jdbc.queryString(connection, "SELECT H2VERSION()");
            List<TableCount> tables = countTables(connection);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try (Statement statement = connection.createStatement();
                    ResultSet script = statement.executeQuery("SCRIPT")) {
                while (script.next()) {
                    writer.write(script.getString(1));
                    writer.write('\n');
                }
            }
            writer.flush();
            connection.commit();
            return new DumpResult(version, "H2 SCRIPT", version, tables);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, "H2 SCRIPT of " + source.redactedUrl() + " failed: "
                    + Messages.firstLine(e), e);
        }
    }

    @Override
    public void checkRestoreTarget(DatabaseSource target, boolean force) {
        if (force || !exists(target)) {
            return;
        }
        RestoreTargets.refuseTables("H2 database " + target.redactedUrl(), tableCounts(target), "a new database",
                "replace its content");
    }

    @Override
    public void restore(InputStream dump, DatabaseSource target) throws IOException {
        Path script = Files.createTempFile("planb-h2-", ".sql");
        try {
            Files.copy(dump, script, StandardCopyOption.REPLACE_EXISTING);
            try (Connection connection = Jdbc.connect(target, target.jdbcUrl(), new Properties(), DRIVER);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP ALL OBJECTS");
                statement.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''")
                        + "' CHARSET 'UTF-8'");
            } catch (SQLException e) {
                throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot restore into H2 database "
                        + target.redactedUrl() + ": " + Messages.firstLine(e), e);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    @Override
    public void checkTableRestoreTarget(DatabaseSource target, TableRestore restore) {
        try (Connection connection = connectExisting(target)) {
            H2TableRestore.check(target, connection, restore);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot open H2 database " + target.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    /** Runs the script into a scratch database and copies the tables from there; see {@link H2TableRestore}. */
    @Override
    public List<RestoredTable> restoreTables(InputStream dump, DatabaseSource target, TableRestore restore)
            throws IOException {
        try (Connection connection = connectExisting(target);
                ScratchDatabase scratch = scratchDatabases().orElseThrow().create(target)) {
            return H2TableRestore.restore(dump, target, connection, restore, scratch);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "Cannot restore tables into H2 database "
                    + target.redactedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        try (Connection connection = connectExisting(source)) {
            return countTables(connection);
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read tables of H2 database "
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
        return Optional.of(new FileScratchDatabases(folder -> PREFIX + "file:" + folder.resolve("scratch")));
    }

    @Override
    public String manualRestoreSteps(String dumpFile) {
        return """
                The decompressed file `%1$s` is an H2 SQL script. Run it into a new database with the H2 jar
                of the version recorded in `manifest.json`:

                ```sh
                java -cp h2.jar org.h2.tools.RunScript -url jdbc:h2:/path/to/restored -user sa -script %1$s
                ```
                """.formatted(dumpFile);
    }

    /** The script into a scratch database, then the table's rows through a linked table. */
    @Override
    public String manualTableRestoreSteps(String dumpFile, String table) {
        return """
                Run the script into a scratch database, then copy the table's rows into the live database
                through a linked table, as `%2$s_BEFORE` (columns and rows; `planb restore --table` also keeps its
                keys, indexes and identity):

                ```sh
                java -cp h2.jar org.h2.tools.RunScript -url jdbc:h2:/tmp/planb_table_restore -user sa -script %1$s
                java -cp h2.jar org.h2.tools.Shell -url jdbc:h2:/path/to/app -user USER -password PASSWORD -sql \\
                    "CREATE LINKED TABLE %2$s_BACKUP('', 'jdbc:h2:/tmp/planb_table_restore', 'sa', '', '%2$s');
                     CREATE TABLE %2$s_BEFORE AS SELECT * FROM %2$s_BACKUP; DROP TABLE %2$s_BACKUP"
                rm /tmp/planb_table_restore.mv.db
                ```
                """.formatted(dumpFile, table);
    }

    private static List<TableCount> countTables(Connection connection) throws SQLException {
        List<QualifiedTable> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"
                        + " ORDER BY TABLE_SCHEMA, TABLE_NAME")) {
            while (rows.next()) {
                String schema = rows.getString(1);
                String name = rows.getString(2);
                String display = "PUBLIC".equals(schema) ? name : schema + "." + name;
                tables.add(new QualifiedTable(schema, name, display));
            }
        }
        return TableRows.count(connection, tables);
    }

    private static boolean exists(DatabaseSource source) {
        try (Connection connection = connectExisting(source)) {
            return !connection.isClosed();
        } catch (PlanBException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == DATABASE_NOT_FOUND) {
                return false;
            }
            throw e;
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot open H2 database " + source.redactedUrl()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    /** Connects without creating the database when it does not exist. */
    private static Connection connectExisting(DatabaseSource source) {
        String url = source.jdbcUrl();
        boolean inMemory = url.regionMatches(true, PREFIX.length(), "mem:", 0, 4);
        if (!inMemory && !url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
            url = url + ";IFEXISTS=TRUE";
        }
        return Jdbc.connect(source, url, new Properties(), DRIVER);
    }
}
