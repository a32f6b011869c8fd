/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static dev.planb.cli.PostgresOptionCombinationsTest.name;
import static dev.planb.cli.PostgresOptionCombinationsTest.urlWithPassword;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a user meets when a PostgreSQL backup or restore cannot succeed: a failed restore of any
 * format leaves the target as it was so the same command succeeds once the cause is fixed, a drill
 * by the application's own user can skip owners, and an unreadable table is named with its GRANT.
 */
class PostgresFailedRestoreTest {

    private static final PostgresServer SERVER = PostgresServer.shared();
    /** A NOLOGIN role that owns part of the database; the restoring test user is not a member. */
    private static final String OWNER = "reporting_" + UUID.randomUUID().toString().substring(0, 6);
    private static DatabaseSource source;

    @TempDir
    Path dir;

    @BeforeAll
    static void databaseWithObjectsOfAnotherRole() throws Exception {
        source = SERVER.newDatabase();
        SERVER.superuser("postgres", "CREATE ROLE " + OWNER + " NOLOGIN");
        execute(source, """
                CREATE SCHEMA billing;
                CREATE TABLE billing.invoices (id int PRIMARY KEY, amount numeric);
                INSERT INTO billing.invoices SELECT g, g FROM generate_series(1, 100) g;
                CREATE TABLE billing.reports (id int PRIMARY KEY, title text);
                INSERT INTO billing.reports VALUES (1, 'monthly');
                """);
        SERVER.superuser(name(source), "ALTER TABLE billing.reports OWNER TO " + OWNER,
                "GRANT SELECT ON billing.reports TO " + PostgresServer.USER);
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(strings = {"directory", "custom"})
    void failedParallelRestoreLeavesNoDatabaseAndTheSameCommandSucceedsOnceFixed(String format) throws Exception {
        Path backups = backup("--format", format, "--jobs", "2");
        DatabaseSource target = SERVER.database("t_fail_" + UUID.randomUUID().toString().substring(0, 8));
        List<String> restore = List.of("restore", "--from", backups.toString(), "--to-db", urlWithPassword(target),
                "--jobs", "2");

        Cli.Result failed = Cli.run(restore.toArray(String[]::new));

        assertThat(failed.exitCode()).isEqualTo(ErrorCode.RESTORE_FAILED.exitCode());
        assertThat(failed.err().strip().lines()).as(failed.err()).hasSize(1);
        assertThat(failed.err()).contains("must be member of role \"" + OWNER + "\"", "--no-owner",
                "which this restore created, was dropped again");
        assertThat(databaseExists(name(target))).isFalse();
        Cli.Result retried = Cli.run(withNoOwner(restore));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(ServerDatabaseCommandLineTest.count(target, "billing.reports")).isEqualTo(1);
    }

    @Test
    void failedParallelRestoreIntoAnEmptyDatabaseLeavesItEmptyAndTheSameCommandSucceedsOnceFixed() throws Exception {
        Path backups = backup("--format", "directory", "--jobs", "2");
        DatabaseSource target = SERVER.newDatabase();
        List<String> restore = List.of("restore", "--from", backups.toString(), "--to-db", urlWithPassword(target),
                "--jobs", "2");

        Cli.Result failed = Cli.run(restore.toArray(String[]::new));

        assertThat(failed.exitCode()).isEqualTo(ErrorCode.RESTORE_FAILED.exitCode());
        assertThat(failed.err()).contains("must be member of role", "the database is empty, as before");
        assertThat(query(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'")).isEqualTo("0");
        assertThat(query(target, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")).isEqualTo("0");
        Cli.Result retried = Cli.run(withNoOwner(restore));
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(ServerDatabaseCommandLineTest.count(target, "billing.invoices")).isEqualTo(100);
    }

    @Test
    void failedParallelForcedRestoreOverLeftoversSucceedsWhenRunAgain() throws Exception {
        Path backups = backup("--format", "directory", "--jobs", "2");
        DatabaseSource target = SERVER.newDatabase();
        execute(target, "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int)"); // a half-restored earlier try

        Cli.Result refused = Cli.run("restore", "--from", backups.toString(), "--to-db", urlWithPassword(target));
        assertThat(refused.exitCode()).isEqualTo(ErrorCode.RESTORE_REFUSED.exitCode());
        assertThat(refused.err()).contains("schema billing", "--force");
        Cli.Result forced = Cli.run("restore", "--from", backups.toString(), "--to-db", urlWithPassword(target),
                "--force", "--no-owner", "--jobs", "2");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(ServerDatabaseCommandLineTest.count(target, "billing.invoices")).isEqualTo(100);
    }

    @Test
    void drillByTheApplicationsOwnUserPassesWithNoOwner() throws Exception {
        Path backups = backup();
        Cli.Result withOwners = Cli.run("verify", "--from", backups.toString(), "--restore-to", urlWithPassword(source));
        assertThat(withOwners.exitCode()).isEqualTo(ErrorCode.VERIFICATION_FAILED.exitCode());
        assertThat(withOwners.err()).contains("must be member of role \"" + OWNER + "\"", "--no-owner");

        Cli.Result noOwner = Cli.run("verify", "--from", backups.toString(), "--restore-to", urlWithPassword(source),
                "--no-owner");
        assertThat(noOwner.exitCode()).as(noOwner.out() + noOwner.err()).isZero();
        assertThat(noOwner.out()).contains("restore OK", "row counts match the manifest");
    }

    @Test
    void unreadableTableIsNamedWithTheGrantToRun() throws Exception {
        DatabaseSource database = SERVER.newDatabase();
        execute(database, "CREATE TABLE visible (id int); INSERT INTO visible VALUES (1)");
        SERVER.superuser(name(database), "CREATE TABLE secret (id int)", "INSERT INTO secret VALUES (42)");

        Cli.Result result = Cli.run("backup", "--db", urlWithPassword(database), "--to", dir.resolve("b").toString(),
                "--plan", "app");

        assertThat(result.exitCode()).isEqualTo(ErrorCode.DUMP_FAILED.exitCode());
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).contains("permission denied for table public.secret",
                "GRANT SELECT ON public.secret TO " + PostgresServer.USER, "--exclude-table public.secret")
                .doesNotContain("snapshot");
        SERVER.superuser(name(database), "GRANT SELECT ON secret TO " + PostgresServer.USER);
        Cli.Result granted = Cli.run("backup", "--db", urlWithPassword(database), "--to", dir.resolve("b").toString(),
                "--plan", "app");
        assertThat(granted.exitCode()).as(granted.err()).isZero();
    }

    @Test
    void rowLevelSecurityThatWouldHideRowsFromTheDumpIsNamedWithTheFix() throws Exception {
        DatabaseSource database = SERVER.newDatabase();
        execute(database, "CREATE TABLE tenants (name text); INSERT INTO tenants VALUES ('a'), ('b');"
                + " ALTER TABLE tenants ENABLE ROW LEVEL SECURITY; ALTER TABLE tenants FORCE ROW LEVEL SECURITY");

        Cli.Result result = Cli.run("backup", "--db", urlWithPassword(database), "--to", dir.resolve("b").toString(),
                "--plan", "app");

        assertThat(result.exitCode()).isEqualTo(ErrorCode.DUMP_FAILED.exitCode());
        assertThat(result.err()).contains("table public.tenants has row-level security",
                "ALTER ROLE " + PostgresServer.USER + " BYPASSRLS", "--exclude-table public.tenants");
    }

    private Path backup(String... options) {
        Path backups = dir.resolve("backups");
        List<String> args = new ArrayList<>(List.of("backup", "--db", urlWithPassword(source), "--to", backups.toString(),
                "--plan", "app"));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return backups;
    }

    private static String[] withNoOwner(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--no-owner");
        return all.toArray(String[]::new);
    }

    private static boolean databaseExists(String database) throws SQLException {
        return !query(SERVER.database("postgres"), "SELECT datname FROM pg_database WHERE datname = '" + database + "'")
                .isEmpty();
    }

    private static String query(DatabaseSource database, String sql) throws SQLException {
        try (Connection connection = ServerDatabaseCommandLineTest.connect(database);
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private static void execute(DatabaseSource database, String sql) throws SQLException {
        try (Connection connection = ServerDatabaseCommandLineTest.connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
