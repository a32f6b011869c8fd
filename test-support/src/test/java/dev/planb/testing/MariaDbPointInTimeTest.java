/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.PointInTimeVerifier;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.pitr.PointInTimeRequest;
import dev.planb.pitr.PointInTimeResult;
import dev.planb.runtime.LogStreamer;
import dev.planb.spi.Manifest;
import dev.planb.spi.RecoveryTarget;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.verify.PointInTimeDrill;
import dev.planb.verify.SqlCheck;
import dev.planb.verify.VerificationResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time recovery on real MariaDB servers: a dump with binlog coordinates plus the streamed
 * binlog, a crash of the server, and restores to a moment and to the latest point on another server.
 */
class MariaDbPointInTimeTest {

    @TempDir
    Path tmp;

    @Test
    void aServerWithoutBinaryLoggingIsNamedSettingBySetting() {
        DatabaseSource database = MariaDbServer.shared().newDatabase();
        List<String> problems = new MariaDbEngine().streamingProblems(database);
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("binary logging is off").contains("log_bin"));
        assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("GRANT REPLICATION SLAVE ON *.* TO '"
                + MariaDbServer.USER + "'@"));
        assertThat(String.join(" ", problems)).doesNotContain(MariaDbServer.shared().password());
    }

    @Test
    void theReadmesStreamingUserStreams() throws Exception {
        MariaDbServer server = MariaDbServer.startWithBinlog();
        String database = server.newDatabase().jdbcUrl().replaceAll(".*/", "");
        // The streaming user of docs/engines/mariadb.md, exactly: the backup user's grants plus reading the binlog.
        DatabaseSource streamingUser = server.newUser("streaming", database,
                "SELECT, SHOW VIEW, TRIGGER, EVENT ON `" + database + "`.*", "SELECT ON mysql.proc",
                "REPLICATION SLAVE ON *.*");
        server.admin("CREATE TABLE `" + database + "`.notes (id INTEGER PRIMARY KEY)");
        assertThat(new MariaDbEngine().streamingProblems(streamingUser)).isEmpty();
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(streamingUser)
                .destination(destination).build()).partialInterval(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(200)).build();
        Thread streaming = new Thread(streamer::run);
        streaming.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> streamer.currentBase().isPresent());
            server.admin("INSERT INTO `" + database + "`.notes VALUES (1)");
            await().atMost(Duration.ofSeconds(30)).until(() -> PlanB.catalog(destination).backups("app").stream()
                    .anyMatch(Manifest::isLog));
        } finally {
            streamer.stop();
            streaming.join(60_000);
        }
        assertThat(streamer.currentBase().orElseThrow().tables()).extracting(table -> table.table()).contains("notes");
    }

    @Test
    void restoresToASecondAndToTheLatestPointAfterTheServerCrashed() throws Exception {
        MariaDbServer server = MariaDbServer.startWithBinlog();
        DatabaseSource database = server.newDatabase();
        RowWriter writer = RowWriter.withNewTable(database, MariaDbServer.USER, server.password());
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(database).destination(destination)
                .build()).partialInterval(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(200)).build();
        Thread streaming = new Thread(streamer::run);
        streaming.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streamer.currentBase().isPresent());
        assertThat(streamer.currentBase().orElseThrow().log().position()).isPositive();

        writer.start();
        Thread.sleep(2500);
        // Binlog events carry whole seconds: the target is a whole second.
        Instant target = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), target).toMillis() + 2500);
        server.crash();
        Instant crashed = Instant.now();
        writer.join(10_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> PlanB.catalog(destination).backups("app").stream()
                .anyMatch(backup -> backup.isLog() && backup.startedAt().isAfter(crashed)));
        streamer.stop();
        streaming.join(60_000);
        assertThat(streaming.isAlive()).isFalse();

        MariaDbServer other = MariaDbServer.startWithBinlog();
        DatabaseSource atTarget = other.database("t_at_target");
        PointInTimeResult result = PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
                .target(RecoveryTarget.time(target)).database(atTarget).build());
        assertThat(result.point().reached()).hasValueSatisfying(reached -> assertThat(reached).isBefore(target));
        Set<Integer> restored = ids(atTarget, other.password());
        assertThat(restored).containsAll(writer.committedBefore(target));
        assertThat(restored).doesNotContainAnyElementsOf(writer.startedAfter(target));

        DatabaseSource latest = other.database("t_latest");
        PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app").database(latest).build());
        Set<Integer> all = ids(latest, other.password());
        Set<Integer> lost = new TreeSet<>(writer.committed());
        lost.removeAll(all);
        System.out.printf("RPO (MariaDB, server killed, streamer alive): %d of %d committed rows lost%n", lost.size(),
                writer.committed().size());
        assertThat(all).containsAll(restored);
        assertThat(lost.size()).isLessThan(writer.committed().size() / 4);

        VerificationResult drill = new PointInTimeVerifier(destination).verify(PointInTimeDrill.of("app",
                RecoveryTarget.time(target), database).drillOn(other.database("mysql")).withChecks(List.of(
                        SqlCheck.parse("select count(*) from drill_rows = " + restored.size()))));
        assertThat(drill.problems()).isEmpty();
        assertThat(drill.restoredInto()).contains("planb_verify_").contains("reached");
        assertThat(PlanB.catalog(destination).backups("app")).filteredOn(Manifest::startsChain).singleElement()
                .satisfies(base -> assertThat(base.kind()).isEqualTo(Manifest.KIND_FULL));
    }

    private static Set<Integer> ids(DatabaseSource database, String password) throws Exception {
        Set<Integer> ids = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), MariaDbServer.USER, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM drill_rows")) {
            while (result.next()) {
                ids.add(result.getInt(1));
            }
        }
        return ids;
    }
}
