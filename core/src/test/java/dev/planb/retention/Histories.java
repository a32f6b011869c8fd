/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.catalog.ManifestWriter;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Backup histories for retention tests: manifests in memory, or written to a destination. */
final class Histories {

    static final String PLAN = "app";
    private static final String SHA = "0".repeat(64);
    private static final long WAL_SEGMENT = 16L * 1024 * 1024;

    private Histories() {
    }

    /** A full backup started at {@code start}. */
    static Manifest backup(String start) {
        return backup(Instant.parse(start), null);
    }

    /** A backup started at {@code start} that depends on {@code parent} (or none when null). */
    static Manifest backup(Instant start, String parent) {
        return backup(BackupId.generate(start), start, parent);
    }

    /** A backup with a given id: a full one, or with a parent a log file of that parent's chain. */
    static Manifest backup(BackupId id, Instant start, String parent) {
        return parent == null ? manifest(id, start, Manifest.KIND_FULL, null, null)
                : manifest(id, start, Manifest.KIND_LOG, parent, new LogInfo("wal", "000000010000000000000001", 0, false,
                        WAL_SEGMENT));
    }

    /** A PostgreSQL base backup started at {@code start}, whose recovery starts at WAL file {@code file}. */
    static Manifest base(String start, String file) {
        Instant at = Instant.parse(start);
        return manifest(BackupId.generate(at), at, Manifest.KIND_BASE, null, new LogInfo("wal", file, 0, false, WAL_SEGMENT));
    }

    /** One shipment of WAL file {@code file} of the chain {@code parent} starts, started at {@code start}. */
    static Manifest log(String start, Manifest parent, String file, boolean partial) {
        Instant at = Instant.parse(start);
        return manifest(BackupId.generate(at), at, Manifest.KIND_LOG, parent.backupId(),
                new LogInfo("wal", file, 0, partial, WAL_SEGMENT));
    }

    private static Manifest manifest(BackupId id, Instant start, String kind, String parent, LogInfo log) {
        return new Manifest(Manifest.FORMAT_VERSION, PLAN, id.value(), kind, parent,
                new EngineInfo("sqlite", "3", "test", "1"), "jdbc:sqlite:app.db", start, start.plusSeconds(1),
                List.of(new Artifact("database.sqlite.zst", 3, SHA, "zstd", "none", 3)),
                List.of(new TableCount("t", 1)), "test", List.of(), List.of(), log);
    }

    /** Stores {@code manifest} on {@code destination} the way a backup run does: artifact, guide, manifest last. */
    static void store(Destination destination, Manifest manifest) throws IOException {
        write(destination, Layout.key(PLAN, manifest.id(), "database.sqlite.zst"), "abc".getBytes(StandardCharsets.UTF_8));
        write(destination, Layout.key(PLAN, manifest.id(), Layout.RESTORE_GUIDE), "guide".getBytes(StandardCharsets.UTF_8));
        write(destination, Layout.manifestKey(PLAN, manifest.id()), ManifestWriter.write(manifest));
    }

    private static void write(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }
}
