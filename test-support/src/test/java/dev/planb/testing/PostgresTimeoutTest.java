/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupStarted;
import dev.planb.event.PlanBEvent;
import dev.planb.schedule.Schedule;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pg_dump over the plan's timeout is killed: no process is left, and no backup. */
class PostgresTimeoutTest {

    @TempDir
    Path tmp;

    @Test
    void aDumpOverTheTimeoutIsKilledAndLeavesNothing() throws Exception {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER,
                PostgresServer.shared().password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, payload TEXT)");
            statement.execute("INSERT INTO t SELECT g, md5(g::text) FROM generate_series(1, 1000) g");
        }
        // pg_dump waits for the table while another session holds it exclusively: the dump is stuck
        // however fast the machine. The server ends that session after 8 s, well after the timeout.
        Connection blocker = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER,
                PostgresServer.shared().password());
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SET idle_in_transaction_session_timeout = '8s'");
            statement.execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
        }
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        List<PlanBEvent> events = new CopyOnWriteArrayList<>();
        BackupPlan plan = BackupPlan.builder("big").database(database).destination(destination)
                .timeout(Duration.ofMillis(1500)).schedule(Schedule.every(Duration.ofHours(1))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events::add).start()) {
            assertThat(planb.plans()).containsExactly(plan);
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (events.stream().noneMatch(BackupFailed.class::isInstance) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(events).filteredOn(BackupStarted.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(BackupFailed.class::isInstance).singleElement()
                .satisfies(event -> {
                    BackupFailed failed = (BackupFailed) event;
                    assertThat(failed.code()).isEqualTo(ErrorCode.TIMED_OUT);
                    assertThat(failed.message()).contains("timed out after 1s");
                });
        blocker.close();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().orElse("?")))
                .as("child processes left").noneMatch(command -> command.endsWith("pg_dump"));
        assertThat(PlanB.catalog(destination).backups()).isEmpty();
        try (Stream<Path> files = Files.walk(tmp.resolve("backups"))) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith(".")))
                    .isEmpty();
        }
    }
}
