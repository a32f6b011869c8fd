/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.TarFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.spi.DumpResult;
import dev.planb.spi.Finding;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanName;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.PointInTimeScratch;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.RecoveryTarget;
import dev.planb.spi.RestoredTable;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL through its own tools: {@code pg_dump} streamed into the pipeline, {@code pg_restore}
 * to restore. {@code pg_dump} adopts the snapshot of a repeatable-read transaction
 * ({@code pg_export_snapshot()} and {@code --snapshot}). The exact row counts are those of the dump
 * even while the application writes: counted in the custom-format archive as it streams past
 * ({@link PgCustomFormatRows}), or, for the directory format (or an archive version it does not
 * read), with {@code count(*)} in that same snapshot. The password reaches the tools
 * only through a 0600 {@code PGPASSFILE} in a private folder, deleted when they end.
 *
 * <p>Point-in-time recovery ({@link PointInTimeEngine}): {@code pg_basebackup} as one tar plus the WAL
 * that {@code pg_receivewal} receives on a replication slot; recovered into a new data directory.
 *
 * <p>Found by {@link java.util.ServiceLoader} with {@link PostgresOptions#DEFAULTS}; give a plan
 * {@code new PostgresEngine(options)} for other options. Needs {@code org.postgresql:postgresql}.
 */
public final class PostgresEngine implements PointInTimeEngine {

    private static final String PREFIX = "jdbc:postgresql:";
    private static final String DRIVER = "org.postgresql:postgresql";
    private static final int TAR_MAGIC_OFFSET = 257;
    /** SQLSTATE of "database does not exist". */
    private static final String INVALID_CATALOG = "3D000";
    /** The JDBC URL up to the database name, to reach another database of the server instead. */
    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)[^?]*");

    private final PostgresOptions options;

    /** An engine with the default options. */
    public PostgresEngine() {
        this(PostgresOptions.DEFAULTS);
    }

    /**
     * An engine with these options.
     *
     * @param options what to dump, the dump format and jobs, and where the client tools are
     */
    public PostgresEngine(PostgresOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** {@return this engine's options} */

    public PostgresOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of(PREFIX);
    }

    @Override
    public String dumpFileName() {
        return options.format() == PostgresOptions.Format.DIRECTORY ? "database.pgdump.tar" : "database.pgdump";
    }

    @Override
    public String defaultPlanName(DatabaseSource source) {
        return PlanName.derive(PgConnection.of(source).database());
    }

    @Override
    public void checkReadable(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            PgTools.find("pg_dump", options.tools(), serverMajor(connection));
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
    }

    /** Checks pg_dump, privileges, row security, large objects, the filter and the encoding: {@link PgPreflight}. */
    @Override
    public List<Finding> preflight(DatabaseSource source) {
        return PgPreflight.findings(source, options);
    }

    @Override
    public DumpResult dump(DatabaseSource source, OutputStream out) throws IOException {
        PgConnection target = PgConnection.of(source);
        try (Connection connection = openConnection(source); PrivateFolder folder = PrivateFolder.create()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String serverVersion = Jdbc.queryString(connection, "SHOW server_version");
            PgTools.Tool pgDump = PgTools.find("pg_dump", options.tools(), serverMajor(connection));
            // The transaction stays open until pg_dump ends: it keeps the exported snapshot alive.
            String snapshot = Jdbc.queryString(connection, "SELECT pg_export_snapshot()");
            PgDumpScope scope = PgDumpScope.check(connection, options, target.database());
            boolean directory = options.format() == PostgresOptions.Format.DIRECTORY;
            BackgroundCounts counts = directory ? BackgroundCounts.start(connection, options) : null;
            List<String> arguments = new ArrayList<>(List.of(pgDump.path().toString(), "--snapshot=" + snapshot,
                    "--compress=0"));
            arguments.addAll(scope.arguments());
            arguments.addAll(target.arguments());
            List<TableCount> tables;
            try {
                if (directory) {
                    Path dumpFolder = folder.path().resolve("dump");
                    arguments.addAll(List.of("--format=directory", "--jobs=" + options.jobs(), "--file=" + dumpFolder));
                    ToolRunner.run(new ToolCommand("pg_dump", arguments, target.environment(folder)), null, null);
                    TarFolder.write(dumpFolder, out);
                    tables = counts.await();
                } else {
                    arguments.add("--format=custom");
                    PgCustomFormatRows rows = new PgCustomFormatRows();
                    ToolRunner.run(new ToolCommand("pg_dump", arguments, target.environment(folder)), null,
                            rows.passingTo(out));
                    tables = rows.countsOr(() -> PgTables.count(connection, options));
                }
            } catch (IOException | RuntimeException e) {
                if (counts != null) {
                    counts.abandon();
                }
                throw e;
            }
            connection.commit();
            return new DumpResult(serverVersion, "pg_dump", pgDump.version(), tables, scope.omitted());
        } catch (SQLException e) {
            throw new PlanBException(ErrorCode.DUMP_FAILED, "Dump of PostgreSQL database " + source.redactedUrl()
                    + " failed: " + Messages.firstLine(e), e);
        }
    }

    @Override
    public void checkRestoreTarget(DatabaseSource target, boolean force) {
        if (force) {
            return;
        }
        Optional<PgTargetState> state = targetState(target);
        if (state.isPresent() && !state.get().isEmpty()) {
            throw new PlanBException(ErrorCode.RESTORE_REFUSED, "PostgreSQL database " + target.redactedUrl()
                    + " already has " + state.get().size() + " object(s) (" + state.get().sample() + "): restore into"
                    + " a new database, or use --force to replace the objects the backup holds (pg_restore --clean --if-exists)");
        }
    }

    /**
     * Restores with {@code pg_restore --clean --if-exists}, creating the database first when it does
     * not exist: the backup's objects are dropped if present and recreated, other objects stay (so a
     * dump made with {@code --schema public}, which creates schema {@code public}, restores too). With
     * one job, the dump streams into one transaction that commits only after the whole, verified
     * stream. With more jobs or the directory format, it is first staged in a private temporary
     * folder, then restored in parallel; when that fails, what it made is removed: the database if
     * this restore created it, every object if it was empty. So a failed restore leaves the target as
     * it was (or, after a failed parallel restore with {@code force} into a database that held
     * objects, with the backup's objects partly recreated) and the same restore can simply run again.
     */
    @Override
    public void restore(InputStream dump, DatabaseSource target) throws IOException {
        Optional<PgTargetState> before = targetState(target);
        boolean created = before.isEmpty();
        if (created) {
            createDatabase(target);
        }
        boolean wasEmpty = created || before.get().isEmpty();
        PgConnection connection = PgConnection.of(target);
        PgTools.Tool pgRestore = PgTools.find("pg_restore", options.tools(), 0);
        List<String> arguments = new ArrayList<>(List.of(pgRestore.path().toString(), "--exit-on-error",
                "--clean", "--if-exists"));
        arguments.addAll(connection.arguments());
        if (options.noOwner()) {
            arguments.add("--no-owner");
        }
        BufferedInputStream in = new BufferedInputStream(dump, 64 * 1024);
        try (PrivateFolder folder = PrivateFolder.create()) {
            ToolCommand command;
            InputStream stdin = null;
            if (isTar(in)) {
                Path dumpFolder = Files.createDirectory(folder.path().resolve("dump"));
                TarFolder.read(in, dumpFolder);
                command = restoreCommand(arguments, "--jobs=" + options.jobs(), dumpFolder, connection, folder);
            } else if (options.jobs() > 1) {
                Path dumpFile = folder.path().resolve("database.pgdump");
                Files.copy(in, dumpFile);
                command = restoreCommand(arguments, "--jobs=" + options.jobs(), dumpFile, connection, folder);
            } else {
                arguments.add("--single-transaction");
                command = new ToolCommand("pg_restore", arguments, connection.environment(folder));
                stdin = in;
            }
            ToolRunner.run(command, stdin, null);
        } catch (IOException | RuntimeException e) {
            String undone = undo(target, created, wasEmpty);
            if (e instanceof ToolFailedException failed) {
                throw explained(failed, undone);
            }
            if (!undone.isEmpty()) {
                e.addSuppressed(new IOException(undone));
            }
            throw e;
        }
    }

    @Override
    public void checkTableRestoreTarget(DatabaseSource target, TableRestore restore) {
        new PgTableRestore(options).check(target, restore);
    }

    /**
     * Restores single tables through a scratch database on the same server (the user needs
     * {@code CREATEDB}), from the custom or the directory format; see {@link PgTableRestore}.
     */
    @Override
    public List<RestoredTable> restoreTables(InputStream dump, DatabaseSource target, TableRestore restore)
            throws IOException {
        return new PgTableRestore(options).restore(dump, target, restore);
    }

    /**
     * Counts every row, also of tables whose row-level security is forced on their owner (a restore with
     * {@code --no-owner} makes the restoring user their owner): for the count, in a transaction rolled back
     * afterwards, such a table is set to {@code NO FORCE ROW LEVEL SECURITY}.
     */
    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String table : Jdbc.queryStrings(connection, "SELECT c.oid::regclass::text FROM pg_class c"
                        + " WHERE c.relkind IN ('r', 'p') AND c.relforcerowsecurity AND row_security_active(c.oid)"
                        + " AND pg_has_role(c.relowner, 'USAGE')")) {
                    statement.execute("ALTER TABLE " + table + " NO FORCE ROW LEVEL SECURITY");
                }
                return PgTables.count(connection);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
    }

    @Override
    public List<String> tableNames(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            return PgTables.names(connection);
        } catch (SQLException e) {
            throw unavailable(source, e);
        }
    }

    /** Scratch databases on the server, marked with a comment and held with an advisory lock. */
    @Override
    public Optional<ScratchDatabases> scratchDatabases() {
        return Optional.of(new PgScratchDatabases());
    }

    @Override
    public List<String> databases(DatabaseSource server) {
        try (Connection connection = openConnection(maintenance(server))) {
            return Jdbc.queryStrings(connection, "SELECT datname FROM pg_database WHERE NOT datistemplate"
                    + " AND datname <> 'postgres' ORDER BY datname").stream()
                    .filter(name -> !ScratchDatabases.isScratchName(name)).toList();
        } catch (SQLException e) {
            throw unavailable(server, e);
        }
    }

    @Override
    public Optional<String> databaseName(DatabaseSource source) {
        return Optional.of(PgConnection.of(source).database());
    }

    @Override
    public Connection connect(DatabaseSource source) {
        return openConnection(source);
    }

    @Override
    public String manualRestoreSteps(String dumpFile) {
        String restore = options.format() == PostgresOptions.Format.DIRECTORY
                ? "mkdir dump && tar -xf " + dumpFile + " -C dump\npg_restore --exit-on-error --clean --if-exists --no-owner"
                        + " --jobs=4 -h HOST -U USER -d NEWDB dump"
                : "pg_restore --exit-on-error --clean --if-exists --no-owner --single-transaction -h HOST -U USER -d NEWDB "
                        + dumpFile;
        return """
                The decompressed file `%1$s` is a `pg_dump` archive (%2$s format). Restore it with `pg_restore` of the
                PostgreSQL version recorded in `manifest.json` or newer, into a new, empty database:

                ```sh
                createdb -h HOST -U USER NEWDB
                %3$s
                ```

                `--no-owner` makes USER own everything; leave it out to keep the original owners (they must exist).
                `--clean --if-exists` drops what it is about to create if it is there: in a new database it is
                needed only for a dump that creates schema `public` (made with `--schema public`), and it lets the
                same command run again after a failed parallel (`--jobs`) restore.
                """.formatted(dumpFile, options.format() == PostgresOptions.Format.DIRECTORY ? "directory, as tar" : "custom",
                restore);
    }

    /**
     * Through a scratch database, as {@code planb restore --table} does, but moving the table into a schema of
     * its own there rather than renaming it, index by index: that moves its indexes and sequences along.
     */
    @Override
    public String manualTableRestoreSteps(String dumpFile, String table) {
        String qualified = PgTables.qualify(table);
        String schema = qualified.substring(0, qualified.indexOf('.'));
        String name = qualified.substring(qualified.indexOf('.') + 1);
        boolean directory = options.format() == PostgresOptions.Format.DIRECTORY;
        String archive = directory ? "dump" : dumpFile;
        return """
                Restore the schema (no data but `%2$s`'s, no foreign keys) into a scratch database, move the table
                into a schema of its own there (its indexes and sequences move along, so nothing collides with the
                live ones), then copy it into the live database LIVEDB as `before.%2$s`:

                ```sh
                %4$screatedb -h HOST -U USER planb_table_restore
                pg_restore -l %3$s | grep -v -E ' (FK CONSTRAINT|TABLE DATA|MATERIALIZED VIEW DATA|SUBSCRIPTION|EVENT TRIGGER) ' > table.list
                pg_restore -l %3$s | grep -E ' TABLE DATA %1$s %2$s ' >> table.list
                pg_restore --exit-on-error --no-owner -L table.list -h HOST -U USER -d planb_table_restore %3$s
                psql -h HOST -U USER -d planb_table_restore -c 'CREATE SCHEMA before' -c 'ALTER TABLE %1$s.%2$s SET SCHEMA before'
                pg_dump -Fc -t before.%2$s -h HOST -U USER planb_table_restore > table.pgdump
                psql -h HOST -U USER -d LIVEDB -c 'CREATE SCHEMA before'
                pg_restore --exit-on-error --no-owner --single-transaction -h HOST -U USER -d LIVEDB table.pgdump
                dropdb -h HOST -U USER planb_table_restore
                ```

                Compare `SELECT count(*) FROM before.%2$s` with the table's rows in `manifest.json`.
                """.formatted(schema, name, archive, directory ? "mkdir dump && tar -xf " + dumpFile + " -C dump\n" : "");
    }

    @Override
    public String logFormat() {
        return "wal";
    }

    /**
     * Checks {@code wal_level}, {@code max_wal_senders}, {@code max_replication_slots}, the role's
     * {@code REPLICATION} attribute, a replication connection (pg_hba.conf), and the tools.
     */
    @Override
    public List<String> streamingProblems(DatabaseSource source) {
        return PgStreamingCheck.problems(source, options);
    }

    /** A session of {@code pg_receivewal} on the plan's replication slot and a {@code pg_basebackup} tar. */
    @Override
    public LogStream openStream(DatabaseSource source, String plan, Path folder) throws IOException {
        return new PgLogStream(source, options, plan, folder);
    }

    /**
     * Makes a recovered data directory in {@code where}'s folder with the server programs of the base
     * backup's major version, recovered to {@code target} and promoted; start it with
     * {@code pg_ctl -D DIR start}.
     */
    @Override
    public RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, RecoveryDestination where) throws IOException {
        Path directory = where.directory().orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING,
                "PostgreSQL point-in-time restore makes a whole data directory, not a database: give --to-data-dir DIR"
                        + " (a new, empty folder) instead of --to-db"));
        return new PgRecovery(options).recover(chain, target, directory);
    }

    /** A data directory in a temporary folder, run on a free loopback port once recovered. */
    @Override
    public PointInTimeScratch scratch(DatabaseSource live, Optional<DatabaseSource> drillServer) throws IOException {
        return new PgScratchCluster(live, options);
    }

    @Override
    public String manualRecoverySteps(Manifest manifest) {
        return PgRecoveryGuide.steps(manifest);
    }

    /** In a pg_dump pattern, double quotes make every character literal. */
    static String quotedPattern(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static ToolCommand restoreCommand(List<String> arguments, String jobs, Path dump, PgConnection connection,
            PrivateFolder folder) throws IOException {
        List<String> all = new ArrayList<>(arguments);
        all.add(jobs);
        all.add(dump.toString());
        return new ToolCommand("pg_restore", all, connection.environment(folder));
    }

    private static boolean isTar(BufferedInputStream in) throws IOException {
        in.mark(TAR_MAGIC_OFFSET + 8);
        byte[] header = in.readNBytes(TAR_MAGIC_OFFSET + 5);
        in.reset();
        return header.length == TAR_MAGIC_OFFSET + 5 && "ustar".equals(new String(
                Arrays.copyOfRange(header, TAR_MAGIC_OFFSET, TAR_MAGIC_OFFSET + 5), StandardCharsets.US_ASCII));
    }

    /** Names the cause a user can act on, and what was undone. */
    private IOException explained(ToolFailedException e, String undone) {
        String message = e.getMessage();
        boolean ownership = message.contains("must be member of role") || message.contains("must be owner")
                || message.contains("role \"") && message.contains("does not exist");
        String hint = ownership && !options.noOwner() ? " (restore with --no-owner to skip the backup's owners)" : "";
        return new IOException(message + hint + (undone.isEmpty() ? "" : "; " + undone), e);
    }

    /**
     * Removes what a failed restore made: the database if the restore created it, every object if it was
     * empty and the restore was not one transaction. Returns what was done, or why it could not be.
     */
    private String undo(DatabaseSource target, boolean created, boolean wasEmpty) {
        try {
            if (created) {
                dropDatabase(target);
                return "database " + PgConnection.of(target).database() + ", which this restore created, was dropped again";
            }
            if (wasEmpty) {
                try (Connection connection = openConnection(target)) {
                    PgTargetState.dropEverything(connection);
                }
                return "what it restored was removed again: the database is empty, as before";
            }
            return "";
        } catch (SQLException | RuntimeException e) {
            return "the partly restored objects could not be removed (" + Messages.firstLine(e)
                    + "): drop and recreate the database before trying again";
        }
    }

    private static void dropDatabase(DatabaseSource target) throws SQLException {
        try (Connection connection = openConnection(maintenance(target)); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quoteIdentifier(PgConnection.of(target).database()));
        }
    }

    /** The target's user objects, or nothing when the database does not exist. */
    private static Optional<PgTargetState> targetState(DatabaseSource target) {
        try (Connection connection = openConnection(target)) {
            return Optional.of(PgTargetState.read(connection));
        } catch (PlanBException e) {
            if (e.getCause() instanceof SQLException sql && INVALID_CATALOG.equals(sql.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        } catch (SQLException e) {
            throw unavailable(target, e);
        }
    }

    /** Creates the target database, connected to the server's {@code postgres} database as the same user. */
    private static void createDatabase(DatabaseSource target) {
        String database = PgConnection.of(target).database();
        try (Connection connection = openConnection(maintenance(target)); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Jdbc.quoteIdentifier(database));
        } catch (SQLException | PlanBException e) {
            throw new PlanBException(ErrorCode.RESTORE_FAILED, "PostgreSQL database " + target.redactedUrl()
                    + " does not exist and cannot be created: " + Messages.firstLine(e)
                    + ": create it (createdb " + database + ") or give the user the CREATEDB privilege", e);
        }
    }

    private static int serverMajor(Connection connection) throws SQLException {
        return Integer.parseInt(Jdbc.queryString(connection, "SHOW server_version_num")) / 10_000;
    }

    /** The server's {@code postgres} maintenance database, reached with the same credentials. */
    static DatabaseSource maintenance(DatabaseSource source) {
        return onDatabase(source, "postgres");
    }

    /** Database {@code database} on the same server, reached with the same credentials and URL options. */
    static DatabaseSource onDatabase(DatabaseSource source, String database) {
        String url = DATABASE_IN_URL.matcher(source.jdbcUrl()).replaceFirst("$1" + Matcher.quoteReplacement(database));
        return new DatabaseSource(url, source.user(), source.password());
    }

    static Connection openConnection(DatabaseSource source) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "PlanB");
        return Jdbc.connect(source, source.jdbcUrl(), properties, DRIVER);
    }

    private static PlanBException unavailable(DatabaseSource source, SQLException e) {
        return new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot read PostgreSQL database "
                + source.redactedUrl() + ": " + Messages.firstLine(e), e);
    }
}
