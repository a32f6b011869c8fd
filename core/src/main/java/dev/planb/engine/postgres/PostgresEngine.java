package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.PlanName;
import dev.planb.spi.DumpResult;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.internal.Jdbc;
import dev.planb.spi.support.Messages;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.internal.tool.TarFolder;
import dev.planb.internal.tool.ToolCommand;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.internal.tool.ToolRunner;
import dev.planb.pitr.LogChain;
import dev.planb.spi.LogStream;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.PointInTimeScratch;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryDestination;
import dev.planb.pitr.RecoveryTarget;
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
 * to restore. The tables and their exact row counts are read in a repeatable-read transaction
 * whose snapshot {@code pg_dump} adopts ({@code pg_export_snapshot()} and {@code --snapshot}), so
 * they are those of the dump even while the application writes. The password reaches the tools
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

    /** An engine with these options. */
    public PostgresEngine(PostgresOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** This engine's options. */
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
            BackgroundCounts counts = BackgroundCounts.start(connection, options);
            List<String> arguments = new ArrayList<>(List.of(pgDump.path().toString(), "--snapshot=" + snapshot,
                    "--compress=0"));
            arguments.addAll(selection());
            arguments.addAll(target.arguments());
            List<TableCount> tables;
            try {
                if (options.format() == PostgresOptions.Format.DIRECTORY) {
                    Path dumpFolder = folder.path().resolve("dump");
                    arguments.addAll(List.of("--format=directory", "--jobs=" + options.jobs(), "--file=" + dumpFolder));
                    ToolRunner.run(new ToolCommand("pg_dump", arguments, target.environment(folder)), null, null);
                    TarFolder.write(dumpFolder, out);
                } else {
                    arguments.add("--format=custom");
                    ToolRunner.run(new ToolCommand("pg_dump", arguments, target.environment(folder)), null, out);
                }
                tables = counts.await();
            } catch (IOException | RuntimeException e) {
                counts.abandon();
                throw e;
            }
            connection.commit();
            return new DumpResult(serverVersion, "pg_dump", pgDump.version(), tables);
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
        List<TableCount> tables = existingTables(target).orElse(List.of());
        if (!tables.isEmpty()) {
            throw new PlanBException(ErrorCode.RESTORE_REFUSED, "PostgreSQL database " + target.redactedUrl()
                    + " already has " + tables.size() + " table(s): restore into a new database, or use --force to"
                    + " replace the objects the backup holds (pg_restore --clean --if-exists)");
        }
    }

    /**
     * Restores with {@code pg_restore}, creating the database first when it does not exist. Into a
     * database that holds tables (allowed by {@code force}), the backup's objects are dropped and
     * recreated ({@code --clean --if-exists}); other objects stay. With one job, the dump streams
     * into one transaction that commits only after the whole, verified stream; with more, it is
     * first staged in a private temporary folder, checked, then restored in parallel.
     */
    @Override
    public void restore(InputStream dump, DatabaseSource target) throws IOException {
        Optional<List<TableCount>> existing = existingTables(target);
        if (existing.isEmpty()) {
            createDatabase(target);
        }
        boolean replacing = existing.isPresent() && !existing.get().isEmpty();
        PgConnection connection = PgConnection.of(target);
        PgTools.Tool pgRestore = PgTools.find("pg_restore", options.tools(), 0);
        List<String> arguments = new ArrayList<>(List.of(pgRestore.path().toString(), "--exit-on-error"));
        arguments.addAll(connection.arguments());
        if (options.noOwner()) {
            arguments.add("--no-owner");
        }
        if (replacing) {
            arguments.addAll(List.of("--clean", "--if-exists"));
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
        } catch (ToolFailedException e) {
            String message = e.getMessage();
            boolean ownership = message.contains("must be member of role") || message.contains("must be owner")
                    || message.contains("role \"") && message.contains("does not exist");
            throw ownership && !options.noOwner()
                    ? new IOException(message + " (restore with --no-owner to skip the backup's owners)", e) : e;
        }
    }

    @Override
    public List<TableCount> tableCounts(DatabaseSource source) {
        try (Connection connection = openConnection(source)) {
            return PgTables.count(connection);
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
                ? "mkdir dump && tar -xf " + dumpFile + " -C dump\npg_restore --exit-on-error --no-owner --jobs=4 -h HOST -U USER -d NEWDB dump"
                : "pg_restore --exit-on-error --no-owner --single-transaction -h HOST -U USER -d NEWDB " + dumpFile;
        return """
                The decompressed file `%1$s` is a `pg_dump` archive (%2$s format). Restore it with `pg_restore` of the
                PostgreSQL version recorded in `manifest.json` or newer, into a new, empty database:

                ```sh
                createdb -h HOST -U USER NEWDB
                %3$s
                ```

                `--no-owner` makes USER own everything; leave it out to keep the original owners (they must exist).
                """.formatted(dumpFile, options.format() == PostgresOptions.Format.DIRECTORY ? "directory, as tar" : "custom",
                restore);
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
    public RecoveredPoint recover(LogChain chain, RecoveryTarget target, RecoveryDestination where) throws IOException {
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

    /** pg_dump's selection arguments, each name quoted so that it matches exactly. */
    private List<String> selection() {
        List<String> arguments = new ArrayList<>();
        options.schemas().forEach(schema -> arguments.add("--schema=" + quotedPattern(schema)));
        options.excludedSchemas().forEach(schema -> arguments.add("--exclude-schema=" + quotedPattern(schema)));
        options.tables().forEach(table -> arguments.add("--table=" + tablePattern(table)));
        options.excludedTables().forEach(table -> arguments.add("--exclude-table=" + tablePattern(table)));
        return arguments;
    }

    private static String tablePattern(String table) {
        String qualified = PgTables.qualify(table);
        int dot = qualified.indexOf('.');
        return quotedPattern(qualified.substring(0, dot)) + "." + quotedPattern(qualified.substring(dot + 1));
    }

    /** In a pg_dump pattern, double quotes make every character literal. */
    private static String quotedPattern(String name) {
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

    /** The target's tables, or nothing when the database does not exist. */
    private static Optional<List<TableCount>> existingTables(DatabaseSource target) {
        try (Connection connection = openConnection(target)) {
            return Optional.of(PgTables.count(connection));
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
