/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.Compression;
import dev.planb.spi.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code manifest.json} records about one backup. It is written last, once, and never
 * rewritten: its presence is what makes a backup exist. Its JSON holds these fields in this order, then
 * {@value ManifestChecksum#FIELD}, the checksum of the rest ({@link ManifestChecksum}); read and write it with
 * {@link dev.planb.catalog.ManifestReader} and {@link dev.planb.catalog.ManifestWriter}, which keep that format
 * whatever Jackson the application itself uses.
 *
 * @param formatVersion the manifest format; this library writes {@link #FORMAT_VERSION}
 * @param plan the plan's name
 * @param backupId the backup's id
 * @param kind {@link #KIND_FULL} (a dump), {@link #KIND_BASE} (a physical base backup that starts a log
 *     chain) or {@link #KIND_LOG} (one shipped transaction-log file of a chain)
 * @param parentId the backup this one depends on (for a log file: the chain's first backup), or
 *     {@code null} for a backup that stands alone
 * @param engine the engine and tools that made the dump
 * @param database the database's JDBC URL, without credentials
 * @param startedAt when the dump started
 * @param finishedAt when the last artifact was stored
 * @param artifacts the stored files, each with its size and checksum
 * @param tables the tables and row counts at backup time
 * @param planbVersion the PlanB version that wrote this backup
 * @param files the directory trees backed up with the database, each stored as a tar artifact
 *     (optional: empty in manifests without files)
 * @param needs the ids of the older backups whose artifacts an incremental files source of this
 *     backup reads on restore, oldest first (optional: empty when this backup stands alone).
 *     Retention must keep every backup that a kept backup needs.
 * @param log for point-in-time recovery: where a chain's first backup starts in the transaction
 *     log, or which log file a {@code log} backup holds (optional: absent for a plain dump)
 * @param label why this backup was taken, one line of at most {@value #MAX_LABEL_LENGTH} characters, e.g.
 *     {@code before V42__drop_legacy} for the backup taken before database migrations (optional: absent for
 *     an ordinary backup; readers that predate it ignore it, and the manifest's checksum covers it)
 */
public record Manifest(int formatVersion, String plan, String backupId, String kind, String parentId,
        EngineInfo engine, String database, Instant startedAt, Instant finishedAt,
        List<Artifact> artifacts, List<TableCount> tables, String planbVersion, List<FileSet> files,
        List<String> needs, LogInfo log, String label) {

    /**
     * The manifest format this version writes and reads: 2 adds the manifest's checksum of its own
     * content ({@link ManifestChecksum}); format 1 manifests, without it, are still read.
     */
    public static final int FORMAT_VERSION = 2;
    /** The kind of a complete, standalone backup. */
    public static final String KIND_FULL = "full";
    /** The kind of a physical base backup (PostgreSQL {@code pg_basebackup}): restorable only with its log. */
    public static final String KIND_BASE = "base";
    /** The kind of one shipped transaction-log file (a WAL segment, a binlog file), whose parent starts its chain. */
    public static final String KIND_LOG = "log";
    /** An artifact's encryption: none. */
    public static final String ENCRYPTION_NONE = "none";
    /** An artifact's encryption: OpenPGP, to public keys. */
    public static final String ENCRYPTION_PUBLIC_KEY = "openpgp-public-key";
    /** An artifact's encryption: OpenPGP, with a passphrase. */
    public static final String ENCRYPTION_PASSPHRASE = "openpgp-passphrase";
    /** The longest {@link #label()}. */
    public static final int MAX_LABEL_LENGTH = 200;

    /**
     * Checks that every field a restore relies on is present, so a damaged manifest is rejected, not half-read.
     *
     * @param formatVersion the manifest format, {@link #FORMAT_VERSION} when written by this version
     * @param plan the plan's name
     * @param backupId the backup's id
     * @param kind {@link #KIND_FULL}, {@link #KIND_BASE} or {@link #KIND_LOG}
     * @param parentId the backup this one depends on, or {@code null}
     * @param engine the engine and tools that made the dump
     * @param database the database's JDBC URL, without credentials
     * @param startedAt when the dump started
     * @param finishedAt when the last artifact was stored
     * @param artifacts the stored files, the database dump first; at least one
     * @param tables the tables and row counts at backup time
     * @param planbVersion the PlanB version that wrote the backup
     * @param files the directory trees backed up with the database; {@code null} for none
     * @param needs the ids of the older backups an incremental files source reads on restore; {@code null} for none
     * @param log where the backup sits in the transaction log, or {@code null}
     * @param label why the backup was taken, or {@code null}
     * @throws dev.planb.PlanBException if the plan name, the backup id or an id in {@code needs} is invalid
     * @throws IllegalArgumentException if the label is invalid, there is no artifact, or a files source names an
     *     artifact that is not listed
     * @throws NullPointerException if {@code engine}, {@code startedAt}, {@code finishedAt} or {@code tables} is null
     */
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
        files = files == null ? List.of() : List.copyOf(files);
        needs = needs == null ? List.of() : List.copyOf(needs);
        needs.forEach(BackupId::new);
        for (FileSet fileSet : files) {
            requireArtifact(artifacts, fileSet.artifact());
            if (fileSet.index() != null) {
                requireArtifact(artifacts, fileSet.index());
            }
        }
        checkLabel(label);
    }

    /**
     * A manifest without a label.
     *
     * @param formatVersion the manifest format, {@link #FORMAT_VERSION} when written by this version
     * @param plan the plan's name
     * @param backupId the backup's id
     * @param kind {@link #KIND_FULL}, {@link #KIND_BASE} or {@link #KIND_LOG}
     * @param parentId the backup this one depends on, or {@code null}
     * @param engine the engine and tools that made the dump
     * @param database the database's JDBC URL, without credentials
     * @param startedAt when the dump started
     * @param finishedAt when the last artifact was stored
     * @param artifacts the stored files, the database dump first; at least one
     * @param tables the tables and row counts at backup time
     * @param planbVersion the PlanB version that wrote the backup
     * @param files the directory trees backed up with the database; {@code null} for none
     * @param needs the ids of the older backups an incremental files source reads on restore; {@code null} for none
     * @param log where the backup sits in the transaction log, or {@code null}
     */
    public Manifest(int formatVersion, String plan, String backupId, String kind, String parentId,
            EngineInfo engine, String database, Instant startedAt, Instant finishedAt,
            List<Artifact> artifacts, List<TableCount> tables, String planbVersion, List<FileSet> files,
            List<String> needs, LogInfo log) {
        this(formatVersion, plan, backupId, kind, parentId, engine, database, startedAt, finishedAt, artifacts,
                tables, planbVersion, files, needs, log, null);
    }

    /**
     * Checks a backup's label: {@code null} (none), or one line of printable text of at most
     * {@value #MAX_LABEL_LENGTH} characters.
     *
     * @param label the label to check, or {@code null}
     * @return {@code label}, unchanged
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String checkLabel(String label) {
        if (label == null) {
            return null;
        }
        if (label.isBlank() || label.length() > MAX_LABEL_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid backup label '" + label + "': use one line of text of 1 to "
                    + MAX_LABEL_LENGTH + " characters");
        }
        return label;
    }

    /**
     * A manifest without log information or label.
     *
     * @param formatVersion the manifest format, {@link #FORMAT_VERSION} when written by this version
     * @param plan the plan's name
     * @param backupId the backup's id
     * @param kind {@link #KIND_FULL}, {@link #KIND_BASE} or {@link #KIND_LOG}
     * @param parentId the backup this one depends on, or {@code null}
     * @param engine the engine and tools that made the dump
     * @param database the database's JDBC URL, without credentials
     * @param startedAt when the dump started
     * @param finishedAt when the last artifact was stored
     * @param artifacts the stored files, the database dump first; at least one
     * @param tables the tables and row counts at backup time
     * @param planbVersion the PlanB version that wrote the backup
     * @param files the directory trees backed up with the database; {@code null} for none
     * @param needs the ids of the older backups an incremental files source reads on restore; {@code null} for none
     */
    public Manifest(int formatVersion, String plan, String backupId, String kind, String parentId,
            EngineInfo engine, String database, Instant startedAt, Instant finishedAt,
            List<Artifact> artifacts, List<TableCount> tables, String planbVersion, List<FileSet> files,
            List<String> needs) {
        this(formatVersion, plan, backupId, kind, parentId, engine, database, startedAt, finishedAt, artifacts,
                tables, planbVersion, files, needs, null);
    }

    /**
     * A manifest without files, as the database-only backup writes it.
     *
     * @param formatVersion the manifest format, {@link #FORMAT_VERSION} when written by this version
     * @param plan the plan's name
     * @param backupId the backup's id
     * @param kind {@link #KIND_FULL}, {@link #KIND_BASE} or {@link #KIND_LOG}
     * @param parentId the backup this one depends on, or {@code null}
     * @param engine the engine and tools that made the dump
     * @param database the database's JDBC URL, without credentials
     * @param startedAt when the dump started
     * @param finishedAt when the last artifact was stored
     * @param artifacts the stored files, the database dump first; at least one
     * @param tables the tables and row counts at backup time
     * @param planbVersion the PlanB version that wrote the backup
     */
    public Manifest(int formatVersion, String plan, String backupId, String kind, String parentId,
            EngineInfo engine, String database, Instant startedAt, Instant finishedAt,
            List<Artifact> artifacts, List<TableCount> tables, String planbVersion) {
        this(formatVersion, plan, backupId, kind, parentId, engine, database, startedAt, finishedAt, artifacts,
                tables, planbVersion, List.of(), List.of());
    }

    /** {@return the database dump's artifact: always the first} */
    public Artifact databaseArtifact() {
        return artifacts.get(0);
    }

    /**
     * Finds an artifact by name.
     *
     * @param name the artifact's file name, e.g. as a {@link FileSet} names it
     * @return the artifact with this name, or empty when the backup has none
     */
    public Optional<Artifact> artifact(String name) {
        return artifacts.stream().filter(artifact -> artifact.name().equals(name)).findFirst();
    }

    /**
     * {@return every warning of the backup, one line each: what the dump leaves out, and the files sources' files
     * that changed, vanished or were skipped}
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        engine.omitted().forEach(omitted -> warnings.add("not in the dump: " + omitted));
        for (FileSet fileSet : files) {
            fileSet.warnings().forEach(warning -> warnings.add(fileSet.source() + ": " + warning));
            fileSet.skipped().forEach(path -> warnings.add(fileSet.source() + ": " + path + " was unreadable and skipped"));
        }
        return warnings;
    }

    private static void requireArtifact(List<Artifact> artifacts, String name) {
        if (artifacts.stream().noneMatch(artifact -> artifact.name().equals(name))) {
            throw new IllegalArgumentException("files artifact " + name + " is not among the artifacts");
        }
    }

    /** {@return whether this is one shipped log file rather than a backup that can be restored on its own terms} */
    public boolean isLog() {
        return KIND_LOG.equals(kind);
    }

    /**
     * {@return whether this is a dump ({@code full}, or a manifest without kind)}: what
     * {@code planb restore --backup} and a restore drill restore. Base backups and log files are restored to a
     * point in time instead.
     */
    public boolean isDump() {
        return kind == null || KIND_FULL.equals(kind);
    }

    /** {@return whether this backup starts a log chain: point-in-time recovery can start from it} */
    public boolean startsChain() {
        return !isLog() && log != null;
    }

    /** {@return the backup's id, parsed} */
    public BackupId id() {
        return new BackupId(backupId);
    }

    /** {@return the bytes stored for this backup, all artifacts together} */
    public long storedBytes() {
        return artifacts.stream().mapToLong(Artifact::size).sum();
    }

    /** {@return the total rows over all tables} */
    public long totalRows() {
        return tables.stream().mapToLong(TableCount::rows).sum();
    }

    /** {@return how long the backup took, from start to the last stored artifact} */
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
     * @param omitted what the dump leaves out although the database holds it (e.g. database-wide objects
     *     a schema filter skips), one line each; optional: empty when nothing is left out
     */
    public record EngineInfo(String name, String serverVersion, String dumpTool, String dumpToolVersion,
            List<String> omitted) {

        /**
         * Copies the list.
         *
         * @param name the engine's name
         * @param serverVersion the database's version
         * @param dumpTool what made the dump
         * @param dumpToolVersion that tool's version
         * @param omitted what the dump leaves out, one line each; {@code null} for nothing
         */
        public EngineInfo {
            omitted = omitted == null ? List.of() : List.copyOf(omitted);
        }

        /**
         * Engine information for a dump that leaves nothing out.
         *
         * @param name the engine's name
         * @param serverVersion the database's version
         * @param dumpTool what made the dump
         * @param dumpToolVersion that tool's version
         */
        public EngineInfo(String name, String serverVersion, String dumpTool, String dumpToolVersion) {
            this(name, serverVersion, dumpTool, dumpToolVersion, List.of());
        }
    }

    /**
     * One stored file of a backup.
     *
     * @param name the file name inside the backup's folder
     * @param size the stored size in bytes
     * @param sha256 the SHA-256 of the stored bytes, lower-case hex: with encryption, of the encrypted bytes,
     *     so the file can be checked without the key
     * @param compression the {@link dev.planb.Compression#id()} used
     * @param encryption {@code none}, {@code openpgp-public-key} or {@code openpgp-passphrase}
     *     ({@code Encryption.mode()})
     * @param dumpSize the size of the dump before compression
     * @param openpgp for an encrypted file, how it is encrypted and what decrypting it gives; absent otherwise
     */
    public record Artifact(String name, long size, String sha256, String compression, String encryption,
            long dumpSize, OpenPgp openpgp) {

        /**
         * The encryption modes a manifest may record, {@code none} first: those of
         * {@link dev.planb.crypto.Encryption#mode()}.
         */
        public static final List<String> ENCRYPTION_MODES = List.of(ENCRYPTION_NONE, ENCRYPTION_PUBLIC_KEY,
                ENCRYPTION_PASSPHRASE);

        /**
         * Checks the fields, so a damaged manifest never points at a wrong file or checksum.
         *
         * @param name the file name inside the backup's folder: not empty, no {@code /}, not starting with a dot
         * @param size the stored size in bytes
         * @param sha256 the SHA-256 of the stored bytes, 64 lower-case hex digits
         * @param compression the {@link dev.planb.Compression#id()} used
         * @param encryption one of {@link #ENCRYPTION_MODES}; {@code null} for {@code none}
         * @param dumpSize the size of the dump before compression
         * @param openpgp the encryption details: required when encrypted, {@code null} otherwise
         * @throws IllegalArgumentException if a field is invalid, or {@code openpgp} does not match {@code encryption}
         */
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
            if (Arrays.stream(Compression.values()).noneMatch(known -> known.id().equals(compression))) {
                throw new IllegalArgumentException("unknown compression '" + compression + "' for " + name);
            }
            encryption = encryption == null ? ENCRYPTION_NONE : encryption;
            if (!ENCRYPTION_MODES.contains(encryption)) {
                throw new IllegalArgumentException("unknown encryption '" + encryption + "' for " + name);
            }
            if (ENCRYPTION_NONE.equals(encryption) != (openpgp == null)) {
                throw new IllegalArgumentException("artifact " + name + " is " + encryption + " but "
                        + (openpgp == null ? "lacks its" : "has") + " openpgp details");
            }
        }

        /**
         * An artifact without OpenPGP details: an unencrypted file.
         *
         * @param name the file name inside the backup's folder: not empty, no {@code /}, not starting with a dot
         * @param size the stored size in bytes
         * @param sha256 the SHA-256 of the stored bytes, 64 lower-case hex digits
         * @param compression the {@link dev.planb.Compression#id()} used
         * @param encryption one of {@link #ENCRYPTION_MODES}; {@code null} for {@code none}
         * @param dumpSize the size of the dump before compression
         */
        public Artifact(String name, long size, String sha256, String compression, String encryption, long dumpSize) {
            this(name, size, sha256, compression, encryption, dumpSize, null);
        }

        /** {@return whether the file is encrypted} */
        public boolean isEncrypted() {
            return openpgp != null;
        }

        /**
         * {@return the fingerprints of the keys the file is encrypted to; empty when it is not, or with a
         * passphrase}
         */
        public List<String> recipients() {
            return openpgp == null ? List.of() : openpgp.recipients();
        }
    }

    /**
     * How an artifact is encrypted. Never holds a secret.
     *
     * @param algorithm the cipher and packet format, e.g. {@code AES-256, OpenPGP integrity-protected (SEIPD v1, MDC)}
     * @param recipients the fingerprints of the primary keys it is encrypted to, upper-case hex; empty with a passphrase
     * @param decryptedSize the size of the decrypted (still compressed) bytes
     * @param decryptedSha256 the SHA-256 of the decrypted bytes, lower-case hex: checked on restore, and by hand after
     *     {@code gpg --decrypt}
     */
    public record OpenPgp(String algorithm, List<String> recipients, long decryptedSize, String decryptedSha256) {

        /**
         * Checks the fields, so a damaged manifest is rejected.
         *
         * @param algorithm the cipher and packet format
         * @param recipients the fingerprints of the keys it is encrypted to; {@code null} for none
         * @param decryptedSize the size of the decrypted bytes, not negative
         * @param decryptedSha256 the SHA-256 of the decrypted bytes, 64 lower-case hex digits
         * @throws IllegalArgumentException if the size or checksum is invalid
         */
        public OpenPgp {
            Objects.requireNonNull(algorithm, "algorithm");
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            if (decryptedSha256 == null || !decryptedSha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("invalid decrypted SHA-256: " + decryptedSha256);
            }
            if (decryptedSize < 0) {
                throw new IllegalArgumentException("negative decrypted size");
            }
        }
    }

    /**
     * One directory tree stored in a backup.
     *
     * @param source the source's name, unique within the plan
     * @param directory the directory that was backed up
     * @param artifact the tar artifact's name (among the manifest's artifacts); for an
     *     incremental source it holds the folders, links and the files whose bytes are stored in
     *     this backup
     * @param index for an incremental source, the artifact listing every file (JSON lines:
     *     {@code path}, {@code size}, {@code modified}, {@code sha256}, {@code backup} = the id of
     *     the backup whose tar holds its bytes); {@code null} otherwise
     * @param fileCount the regular files in the tree at backup time
     * @param totalSize the bytes of those files
     * @param storedFiles the regular files whose bytes are in this backup's tar
     * @param storedSize the bytes of those files
     * @param warnings files that changed or vanished while being read, one line each
     * @param skipped files left out because they could not be read (only when told to skip them)
     */
    public record FileSet(String source, String directory, String artifact, String index, long fileCount,
            long totalSize, long storedFiles, long storedSize, List<String> warnings, List<String> skipped) {

        /**
         * Checks the fields.
         *
         * @param source the source's name
         * @param directory the directory that was backed up
         * @param artifact the tar artifact's name
         * @param index the index artifact's name, or {@code null} when not incremental
         * @param fileCount the regular files in the tree, not negative
         * @param totalSize the bytes of those files, not negative
         * @param storedFiles the files whose bytes are in this backup's tar, not negative
         * @param storedSize the bytes of those files, not negative
         * @param warnings files that changed or vanished while read; {@code null} for none
         * @param skipped unreadable files left out; {@code null} for none
         * @throws IllegalArgumentException if the source name is invalid or a count negative
         */
        public FileSet {
            PlanName.check(source);
            Objects.requireNonNull(artifact, "artifact");
            if (fileCount < 0 || totalSize < 0 || storedFiles < 0 || storedSize < 0) {
                throw new IllegalArgumentException("negative count for files " + source);
            }
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        /** {@return whether this source is stored incrementally, with an index} */
        public boolean incremental() {
            return index != null;
        }
    }

    /**
     * Where a backup sits in the database's transaction log, for point-in-time recovery.
     *
     * @param format {@code wal} (PostgreSQL) or {@code binlog} (MariaDB/MySQL)
     * @param file for a chain's first backup, the first log file its recovery replays; for a log
     *     backup, the log file it holds, e.g. {@code 000000010000000000000003} or {@code mysql-bin.000003}
     * @param position for a MariaDB/MySQL dump, the binlog position of its snapshot in {@code file}; 0 otherwise
     * @param partial whether the log file was still being written when shipped (a later shipment of the
     *     same file supersedes it)
     * @param segmentSize PostgreSQL's WAL segment size in bytes; 0 for binlogs
     */
    public record LogInfo(String format, String file, long position, boolean partial, long segmentSize) {

        /**
         * Checks the fields.
         *
         * @param format {@code wal} or {@code binlog}
         * @param file the log file's name: not empty, no {@code /}, not starting with a dot
         * @param position the binlog position, or 0
         * @param partial whether the file was still being written when shipped
         * @param segmentSize the WAL segment size in bytes, or 0
         * @throws IllegalArgumentException if the file name is invalid or a number negative
         */
        public LogInfo {
            Objects.requireNonNull(format, "format");
            if (file == null || file.isEmpty() || file.contains("/") || file.startsWith(".")) {
                throw new IllegalArgumentException("invalid log file name: " + file);
            }
            if (position < 0 || segmentSize < 0) {
                throw new IllegalArgumentException("negative log position or segment size");
            }
        }
    }
}
