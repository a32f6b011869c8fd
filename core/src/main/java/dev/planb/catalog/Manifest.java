package dev.planb.catalog;

import dev.planb.engine.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@code manifest.json} records about one backup. It is written last, once, and never
 * rewritten: its presence is what makes a backup exist.
 *
 * @param formatVersion the manifest format; this library writes {@link #FORMAT_VERSION}
 * @param plan the plan's name
 * @param backupId the backup's id
 * @param kind {@code full} (log segments for point-in-time recovery come later)
 * @param parentId the backup this one depends on, or {@code null} for a full backup
 * @param engine the engine and tools that made the dump
 * @param database the database's JDBC URL, without credentials
 * @param startedAt when the dump started
 * @param finishedAt when the last artifact was stored
 * @param artifacts the stored files, each with its size and checksum
 * @param tables the tables and row counts at backup time
 * @param planbVersion the PlanB version that wrote this backup
 */
public record Manifest(int formatVersion, String plan, String backupId, String kind, String parentId,
        EngineInfo engine, String database, Instant startedAt, Instant finishedAt,
        List<Artifact> artifacts, List<TableCount> tables, String planbVersion) {

    /** The manifest format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;
    /** The kind of a complete, standalone backup. */
    public static final String KIND_FULL = "full";

    /** Checks that every field a restore relies on is present, so a damaged manifest is rejected, not half-read. */
    public Manifest {
        PlanName.check(plan);
        new BackupId(backupId);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (artifacts == null || artifacts.isEmpty()) {
            throw new IllegalArgumentException("a manifest lists at least one artifact");
        }
        artifacts = List.copyOf(artifacts);
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
    }

    /** The backup's id. */
    public BackupId id() {
        return new BackupId(backupId);
    }

    /** Bytes stored for this backup, all artifacts together. */
    public long storedBytes() {
        return artifacts.stream().mapToLong(Artifact::size).sum();
    }

    /** Total rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    /** How long the backup took. */
    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /**
     * The engine and tools that made a backup.
     *
     * @param name the engine's name, e.g. {@code sqlite}
     * @param serverVersion the database's version
     * @param dumpTool what made the dump, e.g. {@code pg_dump} or {@code sqlite online backup}
     * @param dumpToolVersion that tool's version
     */
    public record EngineInfo(String name, String serverVersion, String dumpTool, String dumpToolVersion) {
    }

    /**
     * One stored file of a backup.
     *
     * @param name the file name inside the backup's folder
     * @param size the stored size in bytes
     * @param sha256 the SHA-256 of the stored bytes, lower-case hex
     * @param compression the {@link dev.planb.Compression#id()} used
     * @param encryption {@code none} (encryption comes with a later version)
     * @param dumpSize the size of the dump before compression
     */
    public record Artifact(String name, long size, String sha256, String compression, String encryption,
            long dumpSize) {

        /** Checks the fields, so a damaged manifest never points at a wrong file or checksum. */
        public Artifact {
            if (name == null || name.isEmpty() || name.contains("/") || name.startsWith(".")) {
                throw new IllegalArgumentException("invalid artifact name: " + name);
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("invalid SHA-256 for " + name + ": " + sha256);
            }
            if (size < 0 || dumpSize < 0) {
                throw new IllegalArgumentException("negative size for " + name);
            }
            Objects.requireNonNull(compression, "compression");
        }
    }
}
