/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.PointInTimeVerifier;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.PlanBEvent;
import dev.planb.pitr.PointInTimeRequest;
import dev.planb.pitr.PointInTimeResult;
import dev.planb.runtime.LogStreamer;
import dev.planb.spi.Manifest;
import dev.planb.spi.RecoveryTarget;
import dev.planb.spi.support.ProcessOwnedFiles;
import dev.planb.testing.server.PostgresServer;
import dev.planb.testing.server.RecoveredPostgres;
import dev.planb.verify.PointInTimeDrill;
import dev.planb.verify.SqlCheck;
import dev.planb.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time recovery on a real PostgreSQL server: base backup plus streamed WAL, a crash of the
 * server, and restores to a moment and to the latest point.
 */
class PostgresPointInTimeTest {

    @TempDir
    Path tmp;

    private final List<Path> dataDirectories = new ArrayList<>();

    @AfterEach
    void removeRestoredDirectories() {
        dataDirectories.forEach(directory -> org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                () -> ProcessOwnedFiles.deleteTree(directory)));
    }

    @Test
    void aServerWithoutReplicationRightsIsNamedSettingBySetting() {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        List<String> problems = new PostgresEngine().streamingProblems(database);
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("ALTER ROLE " + PostgresServer.USER + " REPLICATION"));
        assertThat(String.join(" ", problems)).doesNotContain(PostgresServer.shared().password());
    }

    @Test
    void withoutReplicationTheStreamerFallsBackToDumpsAndSaysSo() throws Exception {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        execute(database, PostgresServer.shared().password(), "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        List<PlanBEvent> events = new CopyOnWriteArrayList<>();
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("fallback").database(database)
                .destination(destination).build()).fallbackInterval(Duration.ofHours(1)).listener(events::add).build();
        Thread thread = new Thread(streamer::run);
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !PlanB.catalog(destination).backups("fallback").isEmpty());
        streamer.stop();
        thread.join(30_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(events).anySatisfy(event -> {
            assertThat(event).isInstanceOf(LogStreamProblem.class);
            assertThat(((LogStreamProblem) event).problem()).isEqualTo(LogStreamProblem.Problem.FALLBACK_TO_DUMPS);
            assertThat(((LogStreamProblem) event).message()).contains("REPLICATION").contains("NOT available");
        });
        Manifest dump = PlanB.catalog(destination).backups("fallback").get(0);
        assertThat(dump.kind()).isEqualTo(Manifest.KIND_FULL);
        assertThat(dump.totalRows()).isEqualTo(1);
    }

    @Test
    void restoresToAMomentAndToTheLatestPointAfterTheServerCrashed() throws Exception {
        PostgresServer server = PostgresServer.startNew();
        server.allowReplication();
        DatabaseSource database = server.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        RowWriter writer = RowWriter.withNewTable(database, PostgresServer.USER, server.password());
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(database).destination(destination)
                .build()).partialInterval(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(200)).build();
        Thread streaming = new Thread(streamer::run);
        streaming.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streamer.currentBase().isPresent());

        writer.start();
        Thread.sleep(3000);
        Instant target = Instant.now();
        String lsn = currentLsn(database, server.password());
        Instant afterLsn = Instant.now();
        Thread.sleep(3000);
        server.crash();
        Instant crashed = Instant.now();
        writer.join(10_000);
        // The receiver stops with the server; what it had received is shipped at once.
        await().atMost(Duration.ofSeconds(30)).until(() -> PlanB.catalog(destination).backups("app").stream()
                .anyMatch(backup -> backup.isLog() && backup.startedAt().isAfter(crashed)));
        streamer.stop();
        streaming.join(60_000);
        assertThat(streaming.isAlive()).isFalse();

        Path atTarget = newDataDirectory("at-target");
        PointInTimeResult result = PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
                .target(RecoveryTarget.time(target)).dataDirectory(atTarget).build());
        assertThat(result.point().reached()).hasValueSatisfying(reached -> assertThat(reached).isBefore(target));
        assertThat(result.logs()).isNotEmpty();
        Set<Integer> restored = RecoveredPostgres.readIds(atTarget, name, "drill_rows", PostgresServer.USER, server.password());
        assertThat(restored).containsAll(writer.committedBefore(target));
        assertThat(restored).doesNotContainAnyElementsOf(writer.startedAfter(target));

        Path atLsn = newDataDirectory("at-lsn");
        PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
                .target(RecoveryTarget.lsn(lsn)).dataDirectory(atLsn).build());
        assertThat(RecoveredPostgres.readIds(atLsn, name, "drill_rows", PostgresServer.USER, server.password()))
                .containsAll(writer.committedBefore(target)).doesNotContainAnyElementsOf(writer.startedAfter(afterLsn));

        Path latest = newDataDirectory("latest");
        PointInTimeResult newest = PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
                .dataDirectory(latest).build());
        Set<Integer> all = RecoveredPostgres.readIds(latest, name, "drill_rows", PostgresServer.USER, server.password());
        Set<Integer> lost = new TreeSet<>(writer.committed());
        lost.removeAll(all);
        double lostSeconds = lost.isEmpty() ? 0 : Duration.between(newest.point().reached().orElseThrow(),
                writer.lastCommit()).toMillis() / 1000.0;
        System.out.printf("RPO (PostgreSQL, server killed, streamer alive): %d of %d committed rows lost, %.3f s%n",
                lost.size(), writer.committed().size(), lostSeconds);
        assertThat(all).containsAll(restored);
        assertThat(lostSeconds).isLessThan(60);

        int committedBeforeTarget = writer.committedBefore(target).size();
        VerificationResult drill = new PointInTimeVerifier(destination).verify(PointInTimeDrill.of("app",
                RecoveryTarget.time(target), database).withChecks(List.of(
                        SqlCheck.parse("select count(*) from drill_rows >= " + committedBeforeTarget))));
        assertThat(drill.problems()).isEmpty();
        assertThat(drill.restoredInto()).contains("reached");
        assertThat(drill.restoredTables()).anySatisfy(table -> assertThat(table.rows()).isEqualTo(restored.size()));
        VerificationResult failing = new PointInTimeVerifier(destination).verify(PointInTimeDrill.of("app",
                RecoveryTarget.time(target), database).withChecks(List.of(
                        SqlCheck.parse("select count(*) from drill_rows > " + restored.size()))));
        assertThat(failing.passed()).isFalse();
        assertThat(failing.problems()).anySatisfy(problem -> assertThat(problem).startsWith("check failed"));

        assertThatThrownBy(() -> PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
                .dataDirectory(latest).build())).isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.RESTORE_REFUSED))
                .hasMessageContaining(latest.toString());
    }

    private Path newDataDirectory(String name) throws Exception {
        // The server runs as the postgres user when the tests run as root: it must reach the folder.
        Path parent = Files.createTempDirectory("planb-pitr-");
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        dataDirectories.add(parent);
        return parent.resolve(name);
    }

    private static String currentLsn(DatabaseSource database, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, password);
                Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(DatabaseSource database, String password, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, password);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
