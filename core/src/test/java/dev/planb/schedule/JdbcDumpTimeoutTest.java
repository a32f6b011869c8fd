/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupSucceeded;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC engines stop when their run times out: nothing is left, and the worker is free again. */
class JdbcDumpTimeoutTest {

    @TempDir
    Path tmp;

    @Test
    void anH2ScriptOverTheTimeoutStopsAndLeavesNothing() throws Exception {
        String url = "jdbc:h2:" + tmp.resolve("big");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR(2000))");
            statement.execute("INSERT INTO t SELECT X, REPEAT(CAST(RAND() AS VARCHAR), 25) FROM SYSTEM_RANGE(1, 100000)");
        }
        // About 45 MB of script: over a second even on a quiet machine, far over the timeout.
        assertTimesOutCleanly(DatabaseSource.of(url, "sa", Secret.of("")), Duration.ofMillis(200));
    }

    @Test
    void aSqliteBackupOverTheTimeoutStopsAndLeavesNothing() throws Exception {
        Path file = tmp.resolve("big.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800)"
                    + " INSERT INTO t (payload) SELECT randomblob(65536) FROM n");
        }
        // 50 MB: a full backup takes about a second on a quiet machine, far over the timeout.
        assertTimesOutCleanly(DatabaseSource.of("jdbc:sqlite:" + file), Duration.ofMillis(100));
    }

    private void assertTimesOutCleanly(DatabaseSource database, Duration timeout) throws Exception {

        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        RecordingListener events = new RecordingListener();
        BackupPlan plan = BackupPlan.builder("big").database(database).destination(destination)
                .timeout(timeout).schedule(Schedule.every(Duration.ofHours(1))).build();

        long start = System.nanoTime();
        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(BackupFailed.class).isEmpty());
        }
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - start);

        assertThat(events.of(BackupFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.TIMED_OUT);
            // On a slow start the deadline can come before the run has its backup id.
            assertThat(failed.message()).matches("Backup (\\S+ )?of plan 'big' timed out after .*");
        });
        assertThat(events.of(BackupSucceeded.class)).isEmpty();
        assertThat(closedAfter).as("the dump stopped, so close() did not wait for it").isLessThan(Duration.ofSeconds(15));
        assertThat(PlanB.catalog(destination).backups()).isEmpty();
        assertThat(PlanBRuntimeTest.visibleFiles(tmp.resolve("backups"))).isEmpty();
    }
}
