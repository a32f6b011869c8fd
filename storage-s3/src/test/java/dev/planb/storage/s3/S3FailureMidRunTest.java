/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan writing to a local folder and to S3, whose S3 server is killed mid-run. */
class S3FailureMidRunTest {

    @TempDir
    Path dir;

    @Test
    void killingTheS3ServerMidRunLeavesACompleteLocalBackupAndReportsS3() throws Exception {
        Path database = dir.resolve("app.db");
        LargeSqliteDatabase.create(database, 120);
        LocalDirectoryDestination local = new LocalDirectoryDestination(dir.resolve("local"));
        S3MockServer server = S3MockServer.start();
        BackupResult result;
        String s3Description;
        try (var client = server.client()) {
            client.createBucket(request -> request.bucket("doomed"));
            try (S3Destination s3 = S3Destination.builder().bucket("doomed").client(client)
                    .endpoint(server.endpoint()).pathStyle(true).build()) {
                s3Description = s3.description();
                BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:sqlite:" + database))
                        .destination(local).destination(s3).build();
                AtomicBoolean stopped = new AtomicBoolean();
                result = PlanB.backup(plan, progress -> {
                    if (progress.storedBytes() > 20L * 1024 * 1024 && stopped.compareAndSet(false, true)) {
                        killQuietly(server);
                    }
                });
                assertThat(stopped).as("the server was stopped while the backup ran").isTrue();
            }
        } finally {
            closeQuietly(server);
        }

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.destination()).isEqualTo(s3Description);
            assertThat(failure.error()).contains("Cannot reach the S3 server " + server.endpoint(), "'doomed'");
        });
        List<Manifest> localBackups = PlanB.catalog(local).backups("app");
        assertThat(localBackups).extracting(Manifest::id).containsExactly(result.id());
        PlanB.restore(RestoreRequest.builder().from(local).plan("app").backup(result.id().value())
                .target(DatabaseSource.of("jdbc:sqlite:" + dir.resolve("restored.db"))).build());
    }

    private static void killQuietly(S3MockServer server) {
        try {
            server.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(S3MockServer server) {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
