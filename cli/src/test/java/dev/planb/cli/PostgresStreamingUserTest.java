/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.pitr.PointInTimeRequest;
import dev.planb.runtime.LogStreamer;
import dev.planb.testing.server.PostgresServer;
import dev.planb.testing.server.RecoveredPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL streaming user of docs/engines/postgresql.md, created exactly as written there, streams a plan's WAL
 * ({@code planb stream}'s {@link LogStreamer}) that restores to its latest point.
 */
class PostgresStreamingUserTest {

    @TempDir
    Path dir;

    @Test
    void theDocumentedStreamingUserStreamsARestorableChain() throws Exception {
        PostgresServer server = PostgresServer.startNew(); // its own cluster: streaming takes it whole
        DatabaseSource owned = server.newDatabase();
        String database = PostgresOptionCombinationsTest.name(owned);
        String password = "pw-" + UUID.randomUUID();
        server.superuser(database, PostgresTortureTest.docsSql("-- planb: postgres streaming user")
                .replace("CHANGE-ME", password).replace("DATABASE app", "DATABASE " + database));
        DatabaseSource streaming = DatabaseSource.of(owned.jdbcUrl(), "planb_stream", Secret.of(password));
        assertThat(new PostgresEngine().streamingProblems(streaming)).isEmpty();

        LocalDirectoryDestination destination = new LocalDirectoryDestination(dir.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("stream").database(streaming)
                .destination(destination).build()).partialInterval(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(200)).build();
        Thread thread = new Thread(streamer::run);
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> streamer.currentBase().isPresent());
            try (Connection connection = DriverManager.getConnection(owned.jdbcUrl(), owned.user(), owned.password().reveal());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE after_base AS SELECT 42 AS id");
            }
            server.superuser(database, "SELECT pg_switch_wal()");
            await().atMost(Duration.ofSeconds(60)).until(() -> PlanB.catalog(destination).backups("stream").stream()
                    .anyMatch(backup -> backup.isLog()));
        } finally {
            streamer.stop();
            thread.join(60_000);
        }

        Path parent = Files.createTempDirectory(dir, "recovered-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        var result = PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("stream")
                .dataDirectory(parent.resolve("data")).build());
        assertThat(result.logs()).isNotEmpty();
        assertThat(RecoveredPostgres.readIds(parent.resolve("data"), database, "after_base", PostgresServer.USER,
                server.password())).containsExactly(42);
    }
}
