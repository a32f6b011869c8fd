/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.BackupResult;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupStale;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestinationFailed;
import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Events of plan {@code app} as the runtime raises them, for notifier tests. */
final class Events {

    static final Instant T0 = Instant.parse("2026-11-24T23:59:03Z");
    static final String LOCAL = "file:/var/backups/app";
    static final String OFFSITE = "file:/mnt/offsite/app";

    private Events() {
    }

    static BackupId id(Instant start) {
        return BackupId.generate(start);
    }

    static BackupStarted started(Instant time) {
        return new BackupStarted("app", time, id(time));
    }

    static BackupSucceeded succeeded(Instant time, DestinationResult... results) {
        return new BackupSucceeded("app", time, new BackupResult(manifest(time), List.of(results)),
                Duration.ofSeconds(42));
    }

    static BackupSucceeded succeeded(Instant time) {
        return succeeded(time, DestinationResult.succeeded(LOCAL), DestinationResult.succeeded(OFFSITE));
    }

    static BackupFailed failed(Instant time) {
        return new BackupFailed("app", time, ErrorCode.DATABASE_UNAVAILABLE,
                "Cannot open jdbc:sqlite:/var/lib/app/app.db: no such file", Duration.ofSeconds(3));
    }

    static DestinationFailed destinationFailed(Instant time, String destination) {
        return new DestinationFailed("app", time, id(time), destination, "No space left on device");
    }

    static BackupStale stale(Instant time, Instant lastSuccess) {
        return new BackupStale("app", time, Optional.of(lastSuccess), Duration.ofHours(26));
    }

    static Manifest manifest(Instant finished) {
        Instant start = finished.minusSeconds(42);
        return new Manifest(Manifest.FORMAT_VERSION, "app", id(start).value(), Manifest.KIND_FULL, null,
                new EngineInfo("sqlite", "3.54.1", "sqlite online backup", "3.54.1"), "jdbc:sqlite:/var/lib/app/app.db",
                start, finished, List.of(new Artifact("database.sqlite.zst", 1_572_864, "a".repeat(64), "zstd", "none",
                        5_000_000)), List.of(), "0.1.0-SNAPSHOT");
    }
}
