/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.ProcessOwnedFiles;
import dev.planb.testing.RowWriter;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.testing.server.PostgresServer;
import dev.planb.testing.server.RecoveredPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planb stream} in its own process, stopped with SIGTERM, then {@code planb restore --at}: PostgreSQL and MariaDB. */
class StreamCommandLineTest {

    private static final String PASSWORD_VARIABLE = "PLANB_TEST_DB_PASSWORD";

    @TempDir
    Path dir;

    @Test
    void streamsUntilSigtermThenRestoresToTheTimeAsked() throws Exception {
        PostgresServer server = PostgresServer.startNew();
        server.allowReplication();
        DatabaseSource database = server.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        RowWriter writer = RowWriter.withNewTable(database, PostgresServer.USER, server.password());
        Path backups = dir.resolve("backups");
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, server.password());
        Process stream = PlanBProcess.start(dir, List.of(), environment, "stream", "--db", database.jdbcUrl(), "--user",
                PostgresServer.USER, "--password-env", PASSWORD_VARIABLE, "--to", backups.toString(), "--plan", "app",
                "--partial-interval", "1s");
        ServerDatabaseCommandLineTest.ProcessWatch watch = new ServerDatabaseCommandLineTest.ProcessWatch(server.password());
        Thread watching = new Thread(() -> {
            try {
                watch.untilExit(stream);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        watching.start();
        LocalDirectoryDestination destination = new LocalDirectoryDestination(backups);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(backups)
                && PlanB.catalog(destination).backups("app").stream()
                .anyMatch(Manifest::startsChain));

        writer.start();
        Thread.sleep(2000);
        Instant target = Instant.now();
        Thread.sleep(2000);
        writer.finish();
        Thread.sleep(2500); // a partial shipment after the last row
        new ProcessBuilder("kill", "-TERM", String.valueOf(stream.pid())).start().waitFor();
        assertThat(stream.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String streamOutput = new String(stream.getInputStream().readAllBytes());
        assertThat(stream.exitValue()).as(streamOutput).isZero();
        assertThat(streamOutput).contains("Stopped: chain of backup").doesNotContain(server.password());
        watching.join(10_000);
        assertThat(watch.seen()).contains("pg_receivewal");
        assertThat(watch.leaks()).isEmpty();

        Path parent = Files.createTempDirectory("planb-cli-pitr-");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path dataDirectory = parent.resolve("restored");
            Cli.Result restore = PlanBProcess.run(dir, List.of(), "restore", "--from", backups.toString(), "--plan", "app",
                    "--at", target.toString(), "--to-data-dir", dataDirectory.toString());
            assertThat(restore.exitCode()).as(restore.out()).isZero();
            assertThat(restore.out()).contains("Reached: ").contains("pg_ctl -D " + dataDirectory);
            Set<Integer> restored = RecoveredPostgres.readIds(dataDirectory, name, "drill_rows", PostgresServer.USER, server.password());
            assertThat(restored).containsAll(writer.committedBefore(target))
                    .doesNotContainAnyElementsOf(writer.startedAfter(target));

            Cli.Result drill = PlanBProcess.run(dir, List.of(), environment, "verify", "--from", backups.toString(),
                    "--at", target.toString(), "--db", database.jdbcUrl(), "--user", PostgresServer.USER, "--password-env",
                    PASSWORD_VARIABLE, "--check", "select count(*) from drill_rows >= " + writer.committedBefore(target).size());
            assertThat(drill.exitCode()).as(drill.out()).isZero();
            assertThat(drill.out()).contains("restore OK").contains("reached").contains("is sound");
            Cli.Result failingDrill = PlanBProcess.run(dir, List.of(), environment, "verify", "--from", backups.toString(),
                    "--at", target.toString(), "--db", database.jdbcUrl(), "--user", PostgresServer.USER, "--password-env",
                    PASSWORD_VARIABLE, "--check", "select count(*) from drill_rows > " + restored.size());
            assertThat(failingDrill.exitCode()).isEqualTo(ErrorCode.VERIFICATION_FAILED.exitCode());

            Cli.Result intoDatabase = PlanBProcess.run(dir, List.of(), "restore", "--from", backups.toString(), "--at",
                    "latest", "--to-db", server.jdbcUrl("other"));
            assertThat(intoDatabase.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
            assertThat(intoDatabase.err()).contains("--to-data-dir");
        } finally {
            ProcessOwnedFiles.deleteTree(parent);
        }
    }

    @Test
    void streamsAMariaDbBinlogThenRestoresItToASecondIntoANewDatabase() throws Exception {
        MariaDbServer server = MariaDbServer.startWithBinlog();
        DatabaseSource database = server.newDatabase();
        RowWriter writer = RowWriter.withNewTable(database, MariaDbServer.USER, server.password());
        Path backups = dir.resolve("backups");
        Map<String, String> environment = Map.of(PASSWORD_VARIABLE, server.password());
        Process stream = PlanBProcess.start(dir, List.of(), environment, "stream", "--db", database.jdbcUrl(), "--user",
                MariaDbServer.USER, "--password-env", PASSWORD_VARIABLE, "--to", backups.toString(), "--plan", "shop",
                "--partial-interval", "1s");
        LocalDirectoryDestination destination = new LocalDirectoryDestination(backups);
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isDirectory(backups)
                && PlanB.catalog(destination).backups("shop").stream().anyMatch(Manifest::startsChain));

        writer.start();
        Thread.sleep(2000);
        Instant target = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1); // binlog times are whole seconds
        Thread.sleep(Duration.between(Instant.now(), target).toMillis() + 2000);
        writer.finish();
        Thread.sleep(2500);
        new ProcessBuilder("kill", "-TERM", String.valueOf(stream.pid())).start().waitFor();
        assertThat(stream.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.exitValue()).as(new String(stream.getInputStream().readAllBytes())).isZero();

        DatabaseSource restoredDatabase = server.database("t_restored");
        Cli.Result restore = PlanBProcess.run(dir, List.of(), environment, "restore", "--from", backups.toString(),
                "--plan", "shop", "--at", target.toString(), "--to-db", restoredDatabase.jdbcUrl(), "--user",
                MariaDbServer.USER, "--password-env", PASSWORD_VARIABLE);
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("Reached: ").contains("binlog");
        Set<Integer> restored = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(restoredDatabase.jdbcUrl(), MariaDbServer.USER,
                server.password()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM drill_rows")) {
            while (rows.next()) {
                restored.add(rows.getInt(1));
            }
        }
        assertThat(restored).containsAll(writer.committedBefore(target))
                .doesNotContainAnyElementsOf(writer.startedAfter(target));
    }
}
