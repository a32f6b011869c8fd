/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.RestoreTargets;
import dev.planb.engine.TableRows;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.DumpResult;
import dev.planb.spi.Finding;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanName;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.RecoveryTarget;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc.QualifiedTable;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB and MySQL through their own tools: {@code mariadb-dump} (or {@code mysqldump}) with
 * {@code --single-transaction --routines --triggers --events} streamed into the pipeline, and
 * {@code mariadb} (or {@code mysql}) to restore. The row counts in the manifest are counted in the
 * dump stream itself as it passes ({@link DumpRowCounter}), so they are exactly the dump's, while
 * the application writes. Credentials reach the tools only through a 0600 option file in a
 * private folder ({@code --defaults-file}), deleted when they end.
 *
 * <p>Point-in-time recovery ({@link PointInTimeEngine}): a dump with the binlog coordinates of its
 * snapshot, then the binlog received by {@code mariadb-binlog --raw --stop-never}; replayed into a
 * database up to a second with {@code mariadb-binlog --stop-datetime}.
 *
 * <p>Found by {@link java.util.ServiceLoader} for {@code jdbc:mariadb:} and {@code jdbc:mysql:} URLs;
 * needs {@code org.mariadb.jdbc:mariadb-java-client}.
 */
public final class MariaDbEngine implements PointInTimeEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbEngine.class);
    private static final Pattern PRIVILEGE_ERROR = Pattern.compile("ERROR 1227 \\(\\w+\\) at line \\d+");
    private static final String DRIVER = "org.mariadb.jdbc:mariadb-java-client";
    /** The first line of dumps by MariaDB 10.5.25, 10.6.18, 10.11.8, 11.0.6 and newer. */
    private static final byte[] SANDBOX_LINE = "/*M!999999\\- enable the sandbox mode */".getBytes(StandardCharsets.US_ASCII);
    /** MariaDB's error for "Unknown database". */
    private static final int UNKNOWN_DATABASE = 1049;
    private static final Set<String> SYSTEM_DATABASES = Set.of("information_schema", "mysql", "performance_schema", "sys");

    private final MariaDbOptions options;

    /** An engine with the default options. */
    public MariaDbEngine() {
        this(MariaDbOptions.DEFAULTS);
    }

    /**
     * An engine with these options.
     *
     * @param options where the client tools are and what a restore does with definers
     */
    public MariaDbEngine(MariaDbOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** {@return this engine's options} */

    public MariaDbOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:mariadb:", "jdbc:mysql:");
    }

    @Override
    public String dumpFileName() {
        return "database.sql";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        return PlanName.derive(MariaDbConnection.of(source).database());
    }

    @Override
    public void checkReadable(DatabaseSource source) {
        MariaDbConnection.of(source);
        try (Connection connection = openConnection(source)) {
            connection.getMetaData();
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
        MariaDbTools.dump(options.tools());
    }

    /** Checks the dump tool, privileges, routine bodies, DEFINERs, table engines and the charset: {@link MariaDbPreflight}. */
    @Override
    public List<Finding> preflight(DatabaseSource source) {
        return MariaDbPreflight.findings(source, options);
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        return dump(source, out, List.of());
    }

    /** A dump with {@code extraArguments} added to the dump tool's, e.g. {@code --master-data=2}. */
    DumpResult dump(DatabaseSource source, OutputStream out, List<String> extraArguments) throws IOException {
        MariaDbConnection target = MariaDbConnection.of(source);
        String serverVersion;
        DatabaseDefaults defaults;
        try (Connection connection = openConnection(source)) {
            serverVersion = Jdbc.queryString(connection, "SELECT VERSION()");
            defaults = DatabaseDefaults.of(connection);
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
        MariaDbTools.Tool tool = MariaDbTools.dump(options.tools());
        try (PrivateFolder folder = PrivateFolder.create()) {
            List<String> arguments = new ArrayList<>(List.of(tool.path().toString(), "--defaults-file="
                    + target.optionFile(folder), "--single-transaction", "--routines", "--triggers", "--events",
                    "--hex-blob", "--quick", "--no-tablespaces", "--skip-dump-date"));
            arguments.addAll(extraArguments);
            arguments.addAll(List.of("--", target.database()));
            DumpRowCounter counter = new DumpRowCounter(out);
            ToolRunner.run(new ToolCommand(tool.name(), arguments), null, defaults.insertAfterFirstLine(counter));
            return new DumpResult(serverVersion, tool.name(), tool.versionNumber(), counter.tables());
        }
    }

    @Override
    public void checkRestoreTarget(DatabaseSource target, boolean force) {
        if (force || !exists(target)) {
            return;
        }
        RestoreTargets.refuseTables("MariaDB database " + target.redactedUrl(), tableCounts(target), "a new database",
                "replace the tables the backup holds");
    }

    @Override
    public void checkTableRestoreTarget(DatabaseSource target, TableRestore restore) {
        new MariaDbTableRestore(options).check(target, restore);
    }

    /** Picks the tables' statements out of the dump stream and runs them; see {@link MariaDbTableRestore}. */
    @Override
    public List<RestoredTable> restoreTables(InputStream dump, DatabaseSource target, TableRestore restore)
            throws IOException {
        return new MariaDbTableRestore(options).restore(dump, target, restore);
    }

    /**
     * Restores with {@code mariadb} (or {@code mysql}), creating the database when it does not
     * exist. The dump is first staged in a private temporary folder and checked to its end, so a
     * corrupt backup changes nothing. The backup's tables replace those of the same name
     * ({@code DROP TABLE IF EXISTS} in the dump); other tables stay. For MySQL's client, the
     * sandbox-mode first line of newer MariaDB dumps is left out, since it cannot read it.
     */
    @Override
    public void restore(InputStream dump, DatabaseSource target) throws IOException {
        MariaDbConnection connection = MariaDbConnection.of(target);
        MariaDbTools.Tool client = MariaDbTools.client(options.tools());
        try (PrivateFolder folder = PrivateFolder.create()) {
            Path staged = folder.path().resolve("database.sql");
            try (OutputStream file = Files.newOutputStream(staged);
                    OutputStream out = options.definers() == MariaDbOptions.Definers.CURRENT_USER
                            ? new DefinerRewriter(file) : file) {
                dump.transferTo(out);
            }
            boolean created = !exists(target);
            if (created) {
                createDatabase(target, connection.database());
            }
            List<String> arguments = List.of(client.path().toString(), "--defaults-file=" + connection.optionFile(folder),
                    "--batch", "--", connection.database());
            try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(staged), 64 * 1024)) {
                if (!client.isMariaDb()) {
                    skipSandboxLine(in);
                }
                ToolRunner.run(new ToolCommand(client.name(), arguments), in, null);
            } catch (ToolFailedException e) {
                if (created) {
                    dropCreatedDatabase(target, connection.database());
                }
                throw definerPrivilegeMissing(e) ? new IOException("a DEFINER clause of the dump names another"
                        + " account and " + target.userName().orElse("the restoring user") + " lacks SUPER or SET USER"
                        + " to create objects for it (" + firstError(e) + "): restore with --definers current-user"
                        + " (MariaDbOptions.Definers.CURRENT_USER: the restoring user then defines the views, triggers,"
                        + " events and routines), or GRANT SET USER ON *.* to the restoring user", e) : e;
            }
        }
    }

    /** Whether the tool failed on MariaDB's error 1227 for a privilege that creating another account's objects needs. */
    private static boolean definerPrivilegeMissing(ToolFailedException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("ERROR 1227") && (message.contains("SUPER") || message.contains("SET USER"));
    }

    /** {@code ERROR 1227 (42000) at line 52}, from the client's message. */
    private static String firstError(ToolFailedException e) {
        Matcher error = PRIVILEGE_ERROR.matcher(e.getMessage());
        return error.find() ? error.group() : "ERROR 1227";
    }

    /** Drops the database this restore created, so the same command works again once the cause is fixed. */
    private static void dropCreatedDatabase(DatabaseSource target, String database) {
        DatabaseSource server = new DatabaseSource(MariaDbConnection.serverUrl(target.jdbcUrl()), target.user(),
                target.password());
        try (Connection connection = openConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database.replace("`", "``") + "`");
        } catch (SQLException | PlanBException e) {
            LOG.warn("Could not drop database {} after its failed restore: {}", database, Messages.firstLine(e));
        }
    }

    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            List<QualifiedTable> tables = tableNames(connection).stream()
                    .map(name -> new QualifiedTable(null, name, name)).toList();
            try (Statement statement = connection.createStatement()) {
                // TableRows.count quotes names the standard way, with double quotes.
                statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
            }
            return TableRows.count(connection, tables);
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
    }

    @Override
    public List<String> tableNames(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            return tableNames(connection);
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
    }

    /** Scratch databases on the server, marked with a database comment and held with {@code GET_LOCK}. */
    @Override
    public Optional<ScratchDatabases> scratchDatabases() {
        return Optional.of(new MariaDbScratchDatabases());
    }

    @Override
    public List<String> databases(DatabaseSource server) {
        DatabaseSource onServer = new DatabaseSource(MariaDbConnection.serverUrl(server.jdbcUrl()), server.user(),
                server.password());
        try (Connection connection = openConnection(onServer); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW DATABASES")) {
            List<String> databases = new ArrayList<>();
            while (rows.next()) {
                String name = rows.getString(1);
                if (!SYSTEM_DATABASES.contains(name) && !ScratchDatabases.isScratchName(name)) {
                    databases.add(name);
                }
            }
            return databases;
        } catch (SQLException e) {
            throw unavailable(server, e);
        }
    }

    @Override
    public Optional<String> databaseName(DatabaseSource source) {
        return Optional.of(MariaDbConnection.of(source).database());
    }

    @Override
    public String manualRestoreSteps(String dumpFile) {
        return """
                The decompressed file `%1$s` is an SQL script from `mariadb-dump`. Create an empty database and run
                it with the `mariadb` client (`-p` asks for the password):

                ```sh
                mariadb -h HOST -u USER -p -e 'CREATE DATABASE newdb'
                mariadb -h HOST -u USER -p newdb < %1$s
                ```

                Its first line, `/*M!999999\\- enable the sandbox mode */`, is read by the `mariadb` client of
                MariaDB 10.5.25, 10.6.18, 10.11.8, 11.0.6 and newer. MySQL's `mysql` client and older MariaDB clients
                stop at it ("Unknown command '\\-'"): leave that line out, e.g. `tail -n +2 %1$s | mysql -h HOST -u USER -p newdb`.

                Views, triggers, events and routines keep their `DEFINER`: creating them for another account needs
                `SUPER` or `SET USER` (`ERROR 1227`). A restoring user without either can make itself their definer
                instead, as `planb restore --definers current-user` does; then their SQL SECURITY DEFINER code runs with
                that user's privileges. Run this instead of the second command:

                ```sh
                sed -E 's/^(CREATE |\\/\\*!50013 |\\/\\*!50003 CREATE\\*\\/ \\/\\*!50017 |\\/\\*!50106 CREATE\\*\\/ \\/\\*!50117 )DEFINER=`[^`]*`(@`[^`]*`)?/\\1DEFINER=CURRENT_USER/' %1$s | mariadb -h HOST -u USER -p newdb
                ```
                """.formatted(dumpFile);
    }

    /** The table's section of the dump into a scratch database, then a copy beside the live table. */
    @Override
    public String manualTableRestoreSteps(String dumpFile, String table) {
        return """
                The dump holds each table between its `-- Table structure for table` line and the next section. Run
                that part (and only it: it starts with `DROP TABLE IF EXISTS`) in a scratch database, then copy the
                table into the live database `app` as `%2$s_before`:

                ```sh
                mariadb -h HOST -u USER -p -e 'CREATE DATABASE planb_table_restore'
                ( echo 'SET FOREIGN_KEY_CHECKS=0;'; sed -n '/^-- Table structure for table `%2$s`/,/^-- \\(Table structure for table\\|Temporary\\|Final view\\|Dumping routines\\|Dumping events\\)/p' %1$s ) \\
                    | mariadb -h HOST -u USER -p planb_table_restore
                mariadb -h HOST -u USER -p -e 'CREATE TABLE app.%2$s_before LIKE planb_table_restore.%2$s;
                    INSERT INTO app.%2$s_before SELECT * FROM planb_table_restore.%2$s; DROP DATABASE planb_table_restore'
                ```

                `CREATE TABLE … LIKE` copies columns and indexes, not foreign keys. Compare
                `SELECT COUNT(*) FROM app.%2$s_before` with the table's rows in `manifest.json`.
                """.formatted(dumpFile, table);
    }

    @Override
    public String logFormat() {
        return "binlog";
    }

    /** Checks {@code log_bin}, the user's {@code REPLICATION SLAVE} privilege and the binlog tool. */
    @Override
    public List<String> streamingProblems(DatabaseSource source) {
        return BinlogStreamingCheck.problems(source, options);
    }

    /** A dump with binlog coordinates, then {@code mariadb-binlog --read-from-remote-server --raw --stop-never}. */
    @Override
    public LogStream openStream(DatabaseSource source, String plan, Path folder) throws IOException {
        return new BinlogStream(this, options, source, plan, folder);
    }

    /**
     * Restores the chain's dump into {@code where}'s database, then replays its binlog up to the target
     * (rounded down to the second). The restoring user needs {@code BINLOG REPLAY} (or {@code SUPER}).
     */
    @Override
    public RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, RecoveryDestination where) throws IOException {
        return new BinlogRecovery(this, options).recover(chain, target, where);
    }

    @Override
    public String manualRecoverySteps(Manifest manifest) {
        String replay = """
                Every binlog file of the chain is a backup folder of its own (kind `log`, parent = the dump);
                `planb list --logs` lists them. Decompress each under the name its manifest's `log.file` gives; where a
                file was shipped several times while it was written (`partial: true`), take the newest, longest copy.
                Replay them in order from the dump's coordinates, up to the time you want (UTC, whole seconds), with
                a user that has `BINLOG REPLAY`:

                ```sh
                TZ=UTC mariadb-binlog --start-position=%2$d --stop-datetime='YYYY-MM-DD HH:MM:SS' \\
                    --database=%3$s --rewrite-db='%3$s->newdb' %1$s NEXT_FILES... | mariadb -h HOST -u USER -p newdb
                ```
                """.formatted(manifest.isLog() ? "FIRST_FILE" : manifest.log().file(),
                manifest.isLog() ? 0 : manifest.log().position(),
                MariaDbConnection.of(DatabaseSource.of(manifest.database())).database());
        return manifest.isLog() ? replay + "\nThe first file and position are in the dump's manifest (`log`).\n"
                : manualRestoreSteps(dumpFileName()) + "\nThen, to reach a point in time:\n\n" + replay;
    }

    /** Skips the first line when it is the sandbox-mode line (it may end with a space). */
    static void skipSandboxLine(BufferedInputStream in) throws IOException {
        int limit = SANDBOX_LINE.length + 8;
        in.mark(limit);
        byte[] start = in.readNBytes(limit);
        int newline = indexOf(start, (byte) '\n');
        boolean sandbox = newline >= SANDBOX_LINE.length
                && Arrays.equals(start, 0, SANDBOX_LINE.length, SANDBOX_LINE, 0, SANDBOX_LINE.length);
        in.reset();
        if (sandbox) {
            in.skipNBytes(newline + 1);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> tableNames(Connection connection) throws SQLException {
        return Jdbc.queryStrings(connection, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
    }

    private static boolean exists(DatabaseSource target) {
        try (Connection connection = openConnection(target)) {
            return connection.isValid(10);
        } catch (PlanBException e) {
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == UNKNOWN_DATABASE) {
                return false;
            }
            throw e;
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
    }

    private static void createDatabase(DatabaseSource target, String database) {
        DatabaseSource server = new DatabaseSource(MariaDbConnection.serverUrl(target.jdbcUrl()), target.user(),
                target.password());
        try (Connection connection = openConnection(server); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database.replace("`", "``") + "`");
        } catch (SQLException | PlanBException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "MariaDB database " + target.redactedUrl()
                    + " does not exist and cannot be created: " + Messages.firstLine(e)
                    + ": create it (CREATE DATABASE " + database + ") or grant the user CREATE", e);
        }
    }

    @Override
    public Connection connect(DatabaseSource source) {
        return openConnection(source);
    }

    static Connection openConnection(DatabaseSource source) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "10000");
        return Jdbc.connect(source, MariaDbConnection.mariaDbUrl(source.jdbcUrl()), properties, DRIVER);
    }

    private static PlanBException unavailable(DatabaseSource source, SQLException e) {
        return new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read MariaDB database "
                + source.redactedUrl() + ": " + Messages.firstLine(e), e);
    }
}
