/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.testing.PostgresObjects;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule for PostgreSQL: every option combination {@code planb backup} accepts makes a backup that
 * {@code planb restore}, {@code planb verify --restore-to} and RESTORE.md's by-hand commands restore,
 * object by object; the combinations that could not be restored are refused at backup time.
 * Filters, formats, jobs, owners, compression and encryption are varied together, each value at least twice.
 */
class PostgresOptionCombinationsTest {

    private static final PostgresServer SERVER = PostgresServer.shared();
    private static DatabaseSource source;
    private static PostgresObjects original;
    private static Path keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void corpus(@TempDir Path keyFolder) throws Exception {
        source = SERVER.newDatabase();
        SERVER.superuser(name(source), "CREATE EXTENSION citext");
        try (var connection = ServerDatabaseCommandLineTest.connect(source); var statement = connection.createStatement()) {
            statement.execute("""
                CREATE SCHEMA billing;
                CREATE TYPE mood AS ENUM ('ok', 'sad');
                CREATE TABLE customers (id int PRIMARY KEY, email citext NOT NULL, mood mood);
                INSERT INTO customers SELECT g, 'User' || g || '@Example.com', 'ok' FROM generate_series(1, 50) g;
                CREATE TABLE notes (id serial PRIMARY KEY, body text, picture oid);
                INSERT INTO notes (body, picture) VALUES ('first', lo_from_bytea(0, 'a large object'));
                CREATE TABLE billing.invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer int,
                    amount numeric(10, 2));
                INSERT INTO billing.invoices (customer, amount) SELECT g % 50 + 1, g * 1.5 FROM generate_series(1, 200) g;
                CREATE VIEW billing.totals AS SELECT customer, sum(amount) AS total FROM billing.invoices GROUP BY customer;
                CREATE PUBLICATION notes_feed FOR TABLE notes;
                """);
        }
        original = PostgresObjects.read(SERVER, source, List.of());
        keys = keyFolder;
        Cli.Result keygen = Cli.run("keygen", "--out", keys.toString(), "--name", "combinations");
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
    }

    /** filter, the tables and sequences it keeps, format, jobs, --no-owner, encrypted, compression. */
    static Stream<Arguments> combinations() {
        Predicate<String> all = name -> true;
        Predicate<String> publicOnly = name -> name.startsWith("public.");
        Predicate<String> billingOnly = name -> name.startsWith("billing.");
        return Stream.of(
                Arguments.of(List.of(), all, "custom", 1, false, false, "zstd"),
                Arguments.of(List.of("--schema", "public"), publicOnly, "custom", 1, true, true, "gzip"),
                Arguments.of(List.of("--schema", "public"), publicOnly, "directory", 2, false, false, "none"),
                Arguments.of(List.of("--schema", "billing"), billingOnly, "custom", 2, false, false, "zstd"),
                Arguments.of(List.of("--schema", "billing", "--schema", "public"), all, "directory", 1, true, false, "gzip"),
                Arguments.of(List.of("--exclude-schema", "billing"), publicOnly, "custom", 1, false, true, "none"),
                Arguments.of(List.of("--exclude-table", "notes"), (Predicate<String>) name -> !name.equals("public.notes"),
                        "directory", 2, true, false, "zstd"),
                Arguments.of(List.of("--table", "notes"), (Predicate<String>) "public.notes"::equals,
                        "custom", 1, false, false, "gzip"),
                Arguments.of(List.of(), all, "directory", 2, true, true, "none"));
    }

    @ParameterizedTest(name = "{0} {2} jobs={3} noOwner={4} encrypted={5} {6}")
    @MethodSource("combinations")
    void everyAcceptedCombinationRestoresByEveryDocumentedPath(List<String> filter, Predicate<String> kept, String format,
            int jobs, boolean noOwner, boolean encrypted, String compression) throws Exception {
        Path backups = dir.resolve("backups");
        List<String> backup = new ArrayList<>(List.of("backup", "--db", urlWithPassword(source), "--to",
                backups.toString(), "--plan", "app", "--format", format, "--jobs", String.valueOf(jobs),
                "--compression", compression));
        backup.addAll(filter);
        if (encrypted) {
            backup.addAll(List.of("--encrypt-to", keys.resolve("planb-backup-public.asc").toString()));
        }
        Cli.Result made = Cli.run(backup.toArray(String[]::new));
        assertThat(made.exitCode()).as(made.err()).isZero();

        List<String> load = new ArrayList<>(List.of("--jobs", String.valueOf(jobs)));
        if (noOwner) {
            load.add("--no-owner");
        }
        if (encrypted) {
            load.addAll(List.of("--decrypt-with", keys.resolve("planb-backup-secret.asc").toString()));
        }
        DatabaseSource restored = SERVER.database("t_comb_" + UUID.randomUUID().toString().substring(0, 8));
        Cli.Result restore = Cli.run(concat(List.of("restore", "--from", backups.toString(), "--to-db",
                urlWithPassword(restored)), load));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertSameObjects(restored, filter, kept);

        Cli.Result verify = Cli.run(concat(List.of("verify", "--from", backups.toString(), "--restore-to",
                urlWithPassword(source)), load));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("restore OK", "row counts match the manifest");

        String byHand = "t_hand_" + UUID.randomUUID().toString().substring(0, 8);
        try (Gpg gpg = Gpg.withHome(dir.resolve("gnupg"))) {
            gpg.run(dir, "--import", keys.resolve("planb-backup-secret.asc").toString());
            PostgresRestoreGuide.run(SERVER, backups, "app", byHand, PostgresServer.USER, SERVER.password(),
                    Map.of("GNUPGHOME", gpg.home().toString()));
        }
        assertSameObjects(SERVER.database(byHand), filter, kept);
    }

    @Test
    void aFilterThatWouldMakeAnUnrestorableBackupIsRefusedNamingTheObject() {
        Path backups = dir.resolve("refused");
        Cli.Result viewWithoutTable = Cli.run("backup", "--db", urlWithPassword(source), "--to", backups.toString(),
                "--plan", "app", "--exclude-table", "billing.invoices");
        assertThat(viewWithoutTable.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(viewWithoutTable.err()).contains("billing.totals", "billing.invoices", "leave");

        Cli.Result tableOutsidePublic = Cli.run("backup", "--db", urlWithPassword(source), "--to", backups.toString(),
                "--plan", "app", "--table", "billing.invoices");
        assertThat(tableOutsidePublic.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(tableOutsidePublic.err()).contains("--table billing.invoices", "--schema billing");

        Cli.Result typeLeftOut = Cli.run("backup", "--db", urlWithPassword(source), "--to", backups.toString(),
                "--plan", "app", "--table", "customers");
        assertThat(typeLeftOut.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(typeLeftOut.err()).contains("public.customers", "type public.mood");
    }

    @Test
    void filtersThatLeaveOutAnExtensionOrATypeADumpedTableNeedsAreRefused() throws Exception {
        DatabaseSource database = SERVER.newDatabase();
        SERVER.superuser(name(database), "CREATE SCHEMA ext AUTHORIZATION " + PostgresServer.USER,
                "CREATE EXTENSION hstore WITH SCHEMA ext");
        try (var connection = ServerDatabaseCommandLineTest.connect(database); var statement = connection.createStatement()) {
            statement.execute("CREATE TYPE state AS ENUM ('new', 'done'); CREATE SCHEMA app;"
                    + " CREATE TABLE app.tasks (id int, state public.state, tags ext.hstore)");
        }
        Path backups = dir.resolve("refused");

        Cli.Result extension = Cli.run("backup", "--db", urlWithPassword(database), "--to", backups.toString(),
                "--plan", "app", "--exclude-schema", "ext");
        Cli.Result type = Cli.run("backup", "--db", urlWithPassword(database), "--to", backups.toString(),
                "--plan", "app", "--schema", "app", "--schema", "ext");

        assertThat(extension.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(extension.err()).contains("extension hstore is installed in schema ext", "--exclude-schema ext");
        assertThat(type.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(type.err()).contains("app.tasks", "type public.state", "include schema public");
        Cli.Result both = Cli.run("backup", "--db", urlWithPassword(database), "--to", backups.toString(),
                "--plan", "app", "--schema", "app", "--schema", "ext", "--schema", "public");
        assertThat(both.exitCode()).as(both.err()).isZero();
    }

    @Test
    void whatATableFilterStillLeavesOutIsAWarningAndInRestoreMd() throws Exception {
        Path backups = dir.resolve("warned");
        Cli.Result made = Cli.run("backup", "--db", urlWithPassword(source), "--to", backups.toString(), "--plan", "app",
                "--table", "notes");

        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(made.err()).contains("WARNING", "not in the dump: publication notes_feed");
        Path folder;
        try (Stream<Path> ids = Files.list(backups.resolve("app"))) {
            folder = ids.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(folder.resolve("RESTORE.md"))).contains("## Not in this backup", "publication notes_feed");
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"omitted\"", "publication notes_feed");
    }

    private void assertSameObjects(DatabaseSource restored, List<String> filter, Predicate<String> kept) throws Exception {
        List<String> dumpFilter = new ArrayList<>();
        for (int i = 0; i < filter.size(); i += 2) {
            dumpFilter.add(filter.get(i) + "=" + filter.get(i + 1));
        }
        PostgresObjects copy = PostgresObjects.read(SERVER, restored, dumpFilter);
        PostgresObjects expected = PostgresObjects.read(SERVER, source, dumpFilter);
        assertThat(copy.schema()).isEqualTo(expected.schema());
        assertThat(copy.tables()).isEqualTo(only(original.tables(), kept));
        assertThat(copy.sequences()).isEqualTo(only(original.sequences(), kept));
        assertThat(copy.extensions()).isEqualTo(original.extensions());
        assertThat(copy.largeObjects()).isEqualTo(original.largeObjects());
    }

    private static Map<String, String> only(Map<String, String> values, Predicate<String> kept) {
        return values.entrySet().stream().filter(entry -> kept.test(entry.getKey()) || kept.test(owningTable(entry.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** {@code public.notes_id_seq} belongs to {@code public.notes}. */
    private static String owningTable(String sequence) {
        return sequence.replaceAll("_id_seq$", "");
    }

    private static String[] concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
    }

    static String urlWithPassword(DatabaseSource database) {
        return database.jdbcUrl() + "?user=" + PostgresServer.USER + "&password=" + SERVER.password();
    }

    static String name(DatabaseSource database) {
        return database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    }
}
