package dev.planb.retention;

import dev.planb.Destination;
import dev.planb.ObjectWriter;
import dev.planb.catalog.BackupId;
import dev.planb.catalog.Layout;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.catalog.Manifest.EngineInfo;
import dev.planb.engine.TableCount;
import dev.planb.internal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Backup histories for retention tests: manifests in memory, or written to a destination. */
final class Histories {

    static final String PLAN = "app";
    private static final String SHA = "0".repeat(64);

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

    /** A backup with a given id. */
    static Manifest backup(BackupId id, Instant start, String parent) {
        return new Manifest(Manifest.FORMAT_VERSION, PLAN, id.value(),
                parent == null ? Manifest.KIND_FULL : "log", parent, new EngineInfo("sqlite", "3", "test", "1"),
                "jdbc:sqlite:app.db", start, start.plusSeconds(1),
                List.of(new Artifact("database.sqlite.zst", 3, SHA, "zstd", "none", 3)),
                List.of(new TableCount("t", 1)), "test");
    }

    /** Stores {@code manifest} on {@code destination} the way a backup run does: artifact, guide, manifest last. */
    static void store(Destination destination, Manifest manifest) throws IOException {
        write(destination, Layout.key(PLAN, manifest.id(), "database.sqlite.zst"), "abc".getBytes(StandardCharsets.UTF_8));
        write(destination, Layout.key(PLAN, manifest.id(), Layout.RESTORE_GUIDE), "guide".getBytes(StandardCharsets.UTF_8));
        write(destination, Layout.manifestKey(PLAN, manifest.id()), Json.mapper().writeValueAsBytes(manifest));
    }

    private static void write(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }
}
