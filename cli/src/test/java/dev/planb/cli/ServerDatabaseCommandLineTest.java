/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planb backup} and {@code restore} of a database on a real server, in a real process
 * whose password comes from an environment variable, as a new user would run them.
 */
abstract class ServerDatabaseCommandLineTest {

    private static final String PASSWORD_VARIABLE = "PLANB_TEST_DB_PASSWORD";
    private static final int BIG_TABLE_ROWS = 150_000;

    @TempDir
    Path dir;

    /** A new, empty database. */
    abstract DatabaseSource newDatabase();

    /** A database that does not exist yet, which a restore creates. */
    abstract DatabaseSource absentDatabase();

    /** The test user, who owns the test databases. */
    abstract String user();

    /** The password of the test user. */
    abstract String password();

    /** The SQL type of a binary column. */
    abstract String binaryType();

    /** A statement that fills table {@code big (id, name, note)} with {@code rows} rows. */
    abstract String fillBigTable(int rows);

    /** The dump tool, which must be seen running (and clean) while the backup runs. */
    abstract String dumpTool();

    /** The URL of the same database on a port where nothing listens. */
    abstract String unreachableUrl();

    @Test
    void restoredDatabaseHasEveryRowAndTheManifestCountsWhileAnApplicationWrites() throws Exception {
        DatabaseSource source = populated();
        DatabaseSource copy = absentDatabase();
        Path backups = dir.resolve("backups");
        ProcessWatch watch = new ProcessWatch(password());
        try (Writer writer = new Writer(source)) {
            writer.awaitRows(20);
            Process backup = PlanBProcess.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, password()),
                    withCredentials("backup", "--verbose", "--db", source.jdbcUrl(), "--to", backups.toString(),
                            "--plan", "app"));
            watch.untilExit(backup);
            Cli.Result result = PlanBProcess.run(backup);
            assertThat(result.exitCode()).as(result.out()).isZero();
            assertThat(result.out()).doesNotContain(password());
            writer.awaitRows(writer.rows() + 20);
        }
        assertThat(watch.seen()).as("the dump tool was seen running").contains(dumpTool());
        assertThat(watch.leaks()).as("processes showing the password").isEmpty();

        Manifest manifest = backupsOfApp(backups).get(0);
        long eventsInBackup = manifest.tables().stream().filter(table -> table.table().equals("events"))
                .mapToLong(TableCount::rows).sum();
        assertThat(eventsInBackup).as("rows written before the snapshot").isPositive()
                .isLessThan(count(source, "events"));

        Cli.Result restore = PlanBProcess.run(dir, List.of(), Map.of(PASSWORD_VARIABLE, password()),
                withCredentials("restore", "--from", backups.toString(), "--to-db", copy.jdbcUrl()));
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("Row counts match the manifest").doesNotContain(password());
        assertThat(count(copy, "events")).isEqualTo(eventsInBackup);
        for (String table : List.of("customers", "documents", "big")) {
            assertThat(rows(copy, table)).as(table).isEqualTo(rows(source, table));
        }
    }

    @Test
    void forcedRestoreIntoADatabaseWithAnExtraTableSucceedsAndNamesTheTable() throws Exception {
        DatabaseSource source = newDatabase();
        DatabaseSource target = newDatabase();
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'first'), (2, 'second')");
        }
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE newer (id INTEGER PRIMARY KEY)");
            statement.execute("INSERT INTO newer VALUES (7)");
        }
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, password());
        Cli.Result backup = PlanBProcess.run(dir, List.of(), environment,
                withCredentials("backup", "--db", source.jdbcUrl(), "--to", backups().toString(), "--plan", "app"));
        assertThat(backup.exitCode()).as(backup.out()).isZero();

        Cli.Result restore = PlanBProcess.run(dir, List.of(), environment, withCredentials("restore", "--from",
                backups().toString(), "--to-db", target.jdbcUrl(), "--force"));

        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("note: table newer is not in the backup; the restore left it as it was",
                "Row counts match the manifest");
        assertThat(rows(target, "notes")).isEqualTo(rows(source, "notes"));
        assertThat(rows(target, "newer")).containsExactly("7|");
    }

    @Test
    void aSingleTableComesBackBesideTheLiveOneAndReplaceRefusesALiveTableWithRows() throws Exception {
        DatabaseSource source = newDatabase();
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'first'), (2, 'second')");
            statement.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY)");
        }
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, password());
        Cli.Result backup = PlanBProcess.run(dir, List.of(), environment,
                withCredentials("backup", "--db", source.jdbcUrl(), "--to", backups().toString(), "--plan", "app"));
        assertThat(backup.exitCode()).as(backup.out()).isZero();
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM notes");
            statement.execute("INSERT INTO tags VALUES (9)");
        }

        Cli.Result restore = PlanBProcess.run(dir, List.of(), environment, withCredentials("restore", "--from",
                backups().toString(), "--to-db", source.jdbcUrl(), "--table", "notes", "--as", "_before"));

        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).containsPattern("Restored table notes of backup \\S+ as notes_before: 2 rows")
                .contains("Row counts match the manifest");
        assertThat(rows(source, "notes_before")).containsExactly("1|first|", "2|second|");
        assertThat(rows(source, "notes")).isEmpty();
        assertThat(rows(source, "tags")).containsExactly("9|");

        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO notes VALUES (3, 'third')");
        }
        Cli.Result refused = PlanBProcess.run(dir, List.of(), environment, withCredentials("restore", "--from",
                backups().toString(), "--to-db", source.jdbcUrl(), "--table", "notes", "--replace"));
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(ErrorCode.RESTORE_REFUSED.exitCode());
        assertThat(refused.out().strip().lines()).singleElement().asString().contains("notes", "1 row(s)", "--force");
        assertThat(rows(source, "notes")).containsExactly("3|third|");
    }

    @Test
    void wrongPasswordIsOneLineAndLeavesNothing() throws Exception {
        DatabaseSource source = populated();
        assertFailsCleanly(Map.of(PASSWORD_VARIABLE, "wrong-" + password()), ErrorCode.DATABASE_UNAVAILABLE,
                withCredentials("backup", "--db", source.jdbcUrl(), "--to", backups().toString(), "--plan", "app"));
    }

    @Test
    void unreachableServerIsOneLineAndLeavesNothing() throws Exception {
        assertFailsCleanly(Map.of(PASSWORD_VARIABLE, password()), ErrorCode.DATABASE_UNAVAILABLE,
                withCredentials("backup", "--db", unreachableUrl(), "--to", backups().toString(), "--plan", "app"));
    }

    @Test
    void missingDumpToolIsOneLineNamingWhatToInstall() throws Exception {
        DatabaseSource source = populated();
        Path empty = Files.createDirectories(dir.resolve("no-tools"));
        String line = assertFailsCleanly(Map.of(PASSWORD_VARIABLE, password()), ErrorCode.NO_ENGINE,
                withCredentials("backup", "--db", source.jdbcUrl(), "--to", backups().toString(), "--plan", "app",
                        "--tools", empty.toString()));
        assertThat(line).contains(dumpTool(), "not found", "apt-get install");
    }

    /** Runs a command that must fail: one line, the code's exit status, and no backup listed. */
    String assertFailsCleanly(Map<String, String> environment, ErrorCode code, String... args) throws Exception {
        Cli.Result result = PlanBProcess.run(dir, List.of(), environment, args);
        List<String> lines = result.out().strip().lines().toList();
        assertThat(lines).as(result.out()).hasSize(1);
        assertThat(lines.get(0)).startsWith("planb: ").doesNotContain(password());
        assertThat(result.exitCode()).as(result.out()).isEqualTo(code.exitCode());
        Cli.Result list = Cli.run("list", "--from", backups().toString(), "--json");
        assertThat(list.out().strip()).isEqualTo("[ ]");
        return lines.get(0);
    }

    Path backups() throws Exception {
        return Files.createDirectories(dir.resolve("backups"));
    }

    String[] withCredentials(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--user", user(), "--password-env", PASSWORD_VARIABLE));
        return all.toArray(String[]::new);
    }

    private DatabaseSource populated() throws SQLException {
        DatabaseSource source = newDatabase();
        try (Connection connection = connect(source); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100), note VARCHAR(200))");
            statement.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, data " + binaryType() + ")");
            statement.execute("CREATE TABLE events (id BIGINT PRIMARY KEY, payload VARCHAR(100))");
            statement.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, name VARCHAR(100), note VARCHAR(200))");
            statement.execute(fillBigTable(BIG_TABLE_ROWS));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)")) {
                for (int i = 1; i <= 100; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "Zoë 東京 🚀 'quoted' \"double\" \\ (" + i + "),;");
                    insert.setString(3, i % 4 == 0 ? null : "line\nbreak " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO documents VALUES (?, ?)")) {
                for (int i = 1; i <= 10; i++) {
                    byte[] data = new byte[100_000 * i];
                    for (int b = 0; b < data.length; b++) {
                        data[b] = (byte) (b * 31 + i);
                    }
                    insert.setInt(1, i);
                    insert.setBytes(2, data);
                    insert.executeUpdate();
                }
            }
        }
        return source;
    }

    private static List<Manifest> backupsOfApp(Path backups) {
        return dev.planb.PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app");
    }

    static Connection connect(DatabaseSource source) throws SQLException {
        return DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password().reveal());
    }

    static long count(DatabaseSource source, String table) throws SQLException {
        try (Connection connection = connect(source); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    static List<String> rows(DatabaseSource source, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(source); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                            .append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** An application that inserts rows into {@code events} until closed. */
    static final class Writer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong rows = new AtomicLong();
        private final Thread thread;
        private volatile Exception failure;

        Writer(DatabaseSource source) {
            thread = new Thread(() -> {
                try (Connection connection = connect(source);
                        PreparedStatement insert = connection.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                    while (running.get()) {
                        long id = rows.get() + 1;
                        insert.setLong(1, id);
                        insert.setString(2, "event " + id);
                        insert.executeUpdate();
                        rows.set(id);
                    }
                } catch (Exception e) {
                    failure = e;
                }
            }, "writer");
            thread.start();
        }

        long rows() {
            return rows.get();
        }

        void awaitRows(long wanted) throws InterruptedException {
            while (rows.get() < wanted && failure == null && thread.isAlive()) {
                Thread.sleep(5);
            }
            assertThat(failure).isNull();
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            thread.join();
            assertThat(failure).isNull();
        }
    }

    /**
     * Reads every process's command line and environment while a backup runs, except the
     * {@code planb} process itself (whose environment holds the variable the user set) and its
     * copies, and notes which show the password.
     */
    static final class ProcessWatch {
        private final byte[] password;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<String> leaks = ConcurrentHashMap.newKeySet();

        ProcessWatch(String password) {
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        void untilExit(Process planb) throws Exception {
            while (planb.isAlive()) {
                try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.toList()) {
                        String pid = process.getFileName().toString();
                        if (pid.chars().allMatch(Character::isDigit) && Long.parseLong(pid) != planb.pid()) {
                            inspect(process);
                        }
                    }
                }
            }
        }

        private void inspect(Path process) {
            try {
                String before = executable(process);
                byte[] commandLine = Files.readAllBytes(process.resolve("cmdline"));
                byte[] environment = Files.readAllBytes(process.resolve("environ"));
                String after = executable(process);
                if (!before.equals(after)) {
                    return; // it exec'd while being read: the next pass reads its new image
                }
                String command = new String(commandLine, StandardCharsets.UTF_8).replace('\0', ' ');
                seen.add(Path.of(command.split(" ")[0].isEmpty() ? "?" : command.split(" ")[0]).getFileName().toString());
                if ((contains(commandLine, password) || contains(environment, password)) && !isJvmImage(after)) {
                    leaks.add(command);
                }
            } catch (Exception e) {
                // The process ended meanwhile.
            }
        }

        private static String executable(Path process) throws IOException {
            return Files.readSymbolicLink(process.resolve("exe")).getFileName().toString();
        }

        /**
         * Whether the process runs the JVM's own image: planb itself, or one of its children
         * between fork and exec (java, jspawnhelper), which still carry planb's environment until
         * they become the tool with the tool's own, minimal environment.
         */
        private static boolean isJvmImage(String executable) {
            return executable.equals("java") || executable.equals("jspawnhelper");
        }

        Set<String> seen() {
            return seen;
        }

        Set<String> leaks() {
            return leaks;
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
