/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.testing.server.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Restore drills of {@code planb verify --restore-to} in a real process on real PostgreSQL and
 * MariaDB servers: the scratch database is gone after a SIGTERM (shutdown hook), and after a
 * SIGKILL the next drill finds and drops it. A slow SQL check keeps the drill inside its scratch
 * database while the process is stopped.
 */
class DrillProcessTest {

    private static final String PASSWORD_VARIABLE = "PLANB_TEST_DB_PASSWORD";

    @TempDir
    Path dir;

    /** A real server, with what the test needs of it. */
    enum Server {
        POSTGRESQL("select pg_sleep(120) is null = true", "SELECT datname FROM pg_database WHERE datname LIKE 'planb\\_verify\\_%'") {
            @Override
            DatabaseSource newDatabase() {
                return PostgresServer.shared().newDatabase();
            }

            @Override
            String password() {
                return PostgresServer.shared().password();
            }
        },
        MARIADB("select sleep(120) = 0", "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'planb\\_verify\\_%'") {
            @Override
            DatabaseSource newDatabase() {
                return MariaDbServer.shared().newDatabase();
            }

            @Override
            String password() {
                return MariaDbServer.shared().password();
            }
        };

        final String slowCheck;
        final String scratchQuery;

        Server(String slowCheck, String scratchQuery) {
            this.slowCheck = slowCheck;
            this.scratchQuery = scratchQuery;
        }

        abstract DatabaseSource newDatabase();

        abstract String password();
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aDrillKilledWithSigkillLeavesAScratchDatabaseThatTheNextDrillDrops(Server server) throws Exception {
        DatabaseSource database = backedUpDatabase(server);
        List<String> before = scratchDatabases(server, database);

        Process drill = startSlowDrill(server, database);
        String orphan = awaitNewScratchDatabase(server, database, before, drill);
        drill.destroyForcibly();
        assertThat(drill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(scratchDatabases(server, database)).as("left by the killed drill").contains(orphan);

        Cli.Result next = PlanBProcess.run(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "verify",
                "--from", dir.resolve("backups").toString(), "--restore-to", database.jdbcUrl(),
                "--user", database.user(), "--password-env", PASSWORD_VARIABLE, "--check", "select count(*) from items = 3");
        assertThat(next.exitCode()).as(next.out()).isZero();
        assertThat(next.out()).contains("restore OK", "row counts match", "recovery", "check        OK",
                "is sound");
        assertThat(next.out()).doesNotContain(server.password());
        assertThat(scratchDatabases(server, database)).as("the next drill dropped the orphan and its own")
                .doesNotContain(orphan).isSubsetOf(before);
    }

    @ParameterizedTest
    @EnumSource(Server.class)
    void aDrillStoppedWithSigtermDropsItsScratchDatabase(Server server) throws Exception {
        DatabaseSource database = backedUpDatabase(server);
        List<String> before = scratchDatabases(server, database);

        Process drill = startSlowDrill(server, database);
        String scratch = awaitNewScratchDatabase(server, database, before, drill);
        drill.destroy();
        assertThat(drill.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(scratchDatabases(server, database)).as("dropped by the shutdown hook").doesNotContain(scratch);
    }

    private DatabaseSource backedUpDatabase(Server server) throws SQLException {
        DatabaseSource database = server.newDatabase();
        execute(database, "CREATE TABLE items (id INTEGER PRIMARY KEY)", "INSERT INTO items VALUES (1), (2), (3)");
        PlanB.backup(BackupPlan.builder("drill").database(database)
                .destination(new LocalDirectoryDestination(dir.resolve("backups"))).build());
        return database;
    }

    private Process startSlowDrill(Server server, DatabaseSource database) throws Exception {
        return PlanBProcess.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "verify",
                "--from", dir.resolve("backups").toString(), "--restore-to", database.jdbcUrl(),
                "--user", database.user(), "--password-env", PASSWORD_VARIABLE, "--check", server.slowCheck);
    }

    private static String awaitNewScratchDatabase(Server server, DatabaseSource database, List<String> before,
            Process drill) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<String> created = scratchDatabases(server, database).stream()
                    .filter(name -> !before.contains(name)).findFirst();
            if (created.isPresent()) {
                Thread.sleep(500); // well inside the slow check, after the restore
                return created.get();
            }
            if (!drill.isAlive()) {
                throw new AssertionError("the drill ended before it could be stopped: "
                        + new String(drill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no scratch database appeared within 60 s");
    }

    private static List<String> scratchDatabases(Server server, DatabaseSource database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(server.scratchQuery)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void execute(DatabaseSource database, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password().reveal()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
