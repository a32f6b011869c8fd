/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import dev.planb.Compression;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.crypto.Decryption;
import dev.planb.internal.stream.VerifiedDumpInputStream;
import dev.planb.internal.stream.VerifyingInputStream;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout.BackupRef;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanName;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backups on one destination, read from their manifests alone: no local state, so any
 * surviving destination can be listed and restored from. A folder without a manifest (an
 * interrupted run) is not a backup and is not listed. A manifest that does not parse, does not
 * match its own checksum ({@link dev.planb.spi.ManifestChecksum}) or lacks a field makes its backup
 * {@linkplain DamagedBackup damaged}: {@link #scan(String)} lists it, {@link #find} refuses it and
 * never replaces it with an older backup for {@code latest}.
 *
 * <pre>{@code
 * Catalog catalog = PlanB.catalog(new LocalDirectoryDestination(Path.of("/var/backups")));
 * for (Manifest backup : catalog.backups("app")) {
 *     System.out.println(backup.backupId() + " " + backup.storedBytes());
 * }
 * }</pre>
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    private static final Comparator<Manifest> NEWEST_FIRST = Comparator.comparing(Manifest::startedAt)
            .thenComparing(Manifest::backupId).reversed();

    /** Far more than any manifest (they are kilobytes), so that a damaged one cannot exhaust memory. */
    private static final int MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

    private final Destination destination;

    /**
     * A catalog of one destination; nothing is read until a method asks.
     *
     * @param destination where the backups are
     */
    public Catalog(Destination destination) {
        this.destination = destination;
    }

    /** {@return the destination this catalog reads} */
    public Destination destination() {
        return destination;
    }

    /**
     * The plans on this destination, from the names of the manifests alone (no manifest is read).
     *
     * @return the names of the plans that have at least one backup here, damaged or not, sorted
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public List<String> plans() {
        TreeSet<String> plans = new TreeSet<>();
        manifestRefs("").forEach(ref -> plans.add(ref.plan()));
        return List.copyOf(plans);
    }

    /**
     * The intact backups of every plan; damaged ones are left out and logged (see {@link #scan()}).
     *
     * @return the intact backups, newest first
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public List<Manifest> backups() {
        return scan().backups();
    }

    /**
     * The intact backups of one plan, newest first; empty when the plan has none here. Damaged ones
     * are left out and logged: {@link #scan(String)} returns them too.
     *
     * @param plan the plan's name
     * @return the plan's intact backups, newest first
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code plan} is not a valid plan name
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public List<Manifest> backups(String plan) {
        return scan(plan).backups();
    }

    /**
     * Reads every manifest on the destination.
     *
     * @return the backups of every plan, intact and damaged, each newest first
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public CatalogScan scan() {
        return read(manifestRefs(""));
    }

    /**
     * Reads every manifest of one plan.
     *
     * @param plan the plan's name
     * @return the plan's backups, intact and damaged, each newest first
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code plan} is not a valid plan name
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public CatalogScan scan(String plan) {
        PlanName.check(plan);
        return read(manifestRefs(plan + "/"));
    }

    /**
     * The newest backup of a plan here, found from the names of the manifests alone (no manifest
     * is read), or empty when the plan has none.
     *
     * @param plan the plan's name
     * @return the greatest backup id of the plan; its manifest may be damaged
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code plan} is not a valid plan name
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public Optional<BackupId> newestId(String plan) {
        PlanName.check(plan);
        return manifestRefs(plan + "/").stream().map(BackupRef::id).max(Comparator.naturalOrder());
    }

    /**
     * The newest backup of a plan here that {@code which} accepts, e.g. {@link Manifest#isDump()}:
     * manifests are read newest id first until one is accepted, so a plan with many newer log files
     * costs one read per log file. Damaged ones are skipped and logged.
     *
     * @param plan the plan's name
     * @param which which backups count, e.g. {@code Manifest::isDump}
     * @return the newest intact backup {@code which} accepts, or empty when there is none
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code plan} is not a valid plan name
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public Optional<Manifest> newest(String plan, Predicate<Manifest> which) {
        PlanName.check(plan);
        return search(plan, which).newest();
    }

    /**
     * What reading a plan's manifests newest id first found, up to the newest one a predicate accepts.
     *
     * @param newest the newest backup accepted, if any
     * @param damaged the damaged backups read on the way, none of them older than {@code newest}
     * @param anyIntact whether any intact manifest was read (accepted or not)
     */
    private record NewestSearch(Optional<Manifest> newest, List<DamagedBackup> damaged, boolean anyIntact) { }

    /**
     * Reads manifests newest id first and stops once no older one can be newer than the newest {@code which}
     * accepts; with none accepted, every manifest has been read.
     */
    private NewestSearch search(String plan, Predicate<Manifest> which) {
        Optional<Manifest> newest = Optional.empty();
        List<DamagedBackup> damaged = new ArrayList<>();
        boolean anyIntact = false;
        for (BackupRef ref : newestFirst(plan)) {
            if (newest.isPresent() && ref.id().time().isBefore(newest.get().id().time())) {
                break; // ids tie within a second: those of the same second were compared by start time
            }
            Optional<Manifest> manifest;
            try {
                manifest = readManifest(ref);
            } catch (DamagedManifestException e) {
                damaged.add(damaged(ref, e));
                continue;
            }
            anyIntact |= manifest.isPresent();
            Optional<Manifest> accepted = manifest.filter(which);
            if (accepted.isPresent() && (newest.isEmpty() || NEWEST_FIRST.compare(accepted.get(), newest.get()) < 0)) {
                newest = accepted;
            }
        }
        return new NewestSearch(newest, damaged, anyIntact);
    }

    /**
     * The {@code limit} newest backups of a plan here that {@code which} accepts, newest id first:
     * manifests are read newest id first until {@code limit} are accepted, so the cost does not grow
     * with the number of older backups. Damaged ones are skipped and logged.
     *
     * @param plan the plan's name
     * @param limit the most backups to return
     * @param which which backups count, e.g. {@code Manifest::isDump}
     * @return up to {@code limit} intact backups {@code which} accepts, newest id first
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code plan} is not a valid plan name
     * @throws PlanBException with {@link ErrorCode#DESTINATION_FAILED} when the destination cannot be listed or read
     */
    public List<Manifest> newest(String plan, int limit, Predicate<Manifest> which) {
        PlanName.check(plan);
        List<Manifest> newest = new ArrayList<>();
        for (BackupRef ref : newestFirst(plan)) {
            if (newest.size() >= limit) {
                break;
            }
            readOrSkip(ref).filter(which).ifPresent(newest::add);
        }
        return newest;
    }

    /**
     * The plan to use when the user may not have named one: the given plan, or the only plan on
     * this destination.
     *
     * @param plan the plan the user named, if any
     * @return the plan's name
     * @throws PlanBException when no plan is given and the destination holds none ({@link
     *     ErrorCode#BACKUP_NOT_FOUND}) or several ({@link ErrorCode#INVALID_SETTING}), or the given name is
     *     invalid
     */
    public String resolvePlan(Optional<String> plan) {
        if (plan.isPresent()) {
            return PlanName.check(plan.get());
        }
        List<String> plans = plans();
        if (plans.size() == 1) {
            return plans.get(0);
        }
        if (plans.isEmpty()) {
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "No backups on " + destination.description()
                    + ": check the location, or run a backup first");
        }
        throw new PlanBException(ErrorCode.INVALID_SETTING, destination.description() + " holds several plans ("
                + String.join(", ", plans) + "): choose one with --plan");
    }

    /**
     * Finds a backup by id, or with {@code latest} the newest dump ({@link Manifest#isDump()}): base
     * backups and log files of a point-in-time chain are found by their id only. {@code latest}
     * never passes over a damaged backup to an older one: when a damaged backup is newer than the
     * newest intact dump, it is refused, naming both.
     *
     * @param plan the plan's name
     * @param backup a backup id as {@code planb list} shows it, or {@code latest}
     * @return the backup's manifest, proved against its checksum
     * @throws PlanBException with {@link ErrorCode#BACKUP_NOT_FOUND} naming the plan and what exists; with
     *     {@link ErrorCode#INVALID_SETTING} when the plan name or backup id is invalid
     * @throws DamagedBackupException when the backup asked for is damaged, or for {@code latest}
     *     when a damaged backup is newer than the newest intact dump
     */
    public Manifest find(String plan, String backup) {
        PlanName.check(plan);
        if (!"latest".equals(backup)) {
            BackupId id = new BackupId(backup);
            BackupRef ref = new BackupRef(plan, id);
            // One read of that backup's manifest, not of every manifest of the plan.
            try {
                return readManifest(ref).orElseThrow(() -> new PlanBException(ErrorCode.BACKUP_NOT_FOUND,
                        "Backup " + id + " of plan '" + plan + "' is not on " + destination.description()
                                + ": 'planb list' shows the backups there"));
            } catch (DamagedManifestException e) {
                DamagedBackup damaged = damaged(ref, e);
                throw new DamagedBackupException(damaged, "Backup " + id + " of plan '" + plan + "' is DAMAGED: "
                        + damaged.location() + " " + damaged.reason() + "; choose another backup ('planb list' shows"
                        + " them) or restore it from another destination");
            }
        }
        // Manifests newest first, only as far as the newest dump: restoring the latest backup does not read them all.
        NewestSearch search = search(plan, Manifest::isDump);
        Optional<Manifest> newest = search.newest();
        Optional<DamagedBackup> newerDamaged = search.damaged().stream()
                .filter(damaged -> newest.isEmpty() || damaged.mayBeNewerThan(newest.get().id())).findFirst();
        if (newerDamaged.isPresent()) {
            DamagedBackup damaged = newerDamaged.get();
            throw new DamagedBackupException(damaged, "The newest backup of plan '" + plan + "', " + damaged.id()
                    + ", is DAMAGED: " + damaged.location() + " " + damaged.reason() + "; PlanB does not fall back to"
                    + " an older backup on its own: " + newest.map(intact -> "the newest intact one is "
                            + intact.backupId() + ", choose it with --backup " + intact.backupId())
                            .orElse("there is no intact backup of this plan here")
                    + ", or restore from another destination");
        }
        if (!search.anyIntact()) {
            List<String> plans = plans();
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "No backups of plan '" + plan + "' on "
                    + destination.description() + (plans.isEmpty() ? "" : ": plans here are " + String.join(", ", plans)));
        }
        return newest.orElseThrow(() -> new PlanBException(
                ErrorCode.BACKUP_NOT_FOUND, "Plan '" + plan + "' on " + destination.description() + " has no dump, only "
                        + "the base backups and log files of point-in-time chains: restore them with 'planb restore --at TIME'"));
    }

    /**
     * Refuses a backup that is not a dump, for a restore or a drill: base backups and log files are
     * restored to a point in time.
     *
     * @param manifest the backup asked for
     * @param what what was asked, for the message, e.g. {@code restored} or {@code drilled}
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} saying what to do instead
     */
    public static void requireDump(Manifest manifest, String what) {
        if (manifest.isDump()) {
            return;
        }
        String part = manifest.isLog() ? "is log file " + manifest.log().file() + " of the point-in-time chain that starts"
                + " with backup " + manifest.parentId()
                : "is a " + manifest.kind() + " backup, which starts a point-in-time chain and needs its log files";
        throw new PlanBException(ErrorCode.INVALID_SETTING, "Backup " + manifest.backupId() + " of plan '"
                + manifest.plan() + "' " + part + ": it cannot be " + what + " on its own; use 'planb restore --at TIME'"
                + " to restore the chain to a point in time");
    }

    /**
     * The key of an artifact of a backup on any destination.
     *
     * @param manifest the backup
     * @param artifact one of its artifacts
     * @return the artifact's key, {@code plan/backup-id/name}
     */
    public static String artifactKey(Manifest manifest, Artifact artifact) {
        return Layout.key(manifest.plan(), manifest.id(), artifact.name());
    }

    /**
     * Where an artifact is, for messages.
     *
     * @param manifest the backup
     * @param artifact one of its artifacts
     * @return the destination's description and the artifact's key
     */
    public String location(Manifest manifest, Artifact artifact) {
        return destination.description() + "/" + artifactKey(manifest, artifact);
    }

    /**
     * Opens an artifact's stored bytes. At their end, the stream checks the size and SHA-256
     * recorded in the manifest and throws an {@link IOException} naming the file on a mismatch.
     *
     * @param manifest the backup
     * @param artifact one of its artifacts
     * @return the stored (compressed, maybe encrypted) bytes, to be closed by the caller
     * @throws IOException when the destination cannot open the file
     * @throws PlanBException with {@link ErrorCode#CORRUPT_BACKUP} when the file the manifest lists is missing
     */
    public VerifyingInputStream openStored(Manifest manifest, Artifact artifact) throws IOException {
        try {
            return new VerifyingInputStream(destination.open(artifactKey(manifest, artifact)), artifact.size(),
                    artifact.sha256(), location(manifest, artifact));
        } catch (NoSuchFileException e) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, location(manifest, artifact)
                    + " is missing although the manifest lists it: restore from another destination", e);
        }
    }

    /**
     * Opens an unencrypted artifact's dump, decompressed; see {@link #openDump(Manifest, Artifact, Decryption)}.
     *
     * @param manifest the backup
     * @param artifact one of its artifacts, not encrypted
     * @return the dump's bytes, to be closed by the caller; reading past their end checks them
     * @throws IOException when the destination cannot open the file
     */
    public VerifiedDumpInputStream openDump(Manifest manifest, Artifact artifact) throws IOException {
        return openDump(manifest, artifact, Decryption.none());
    }

    /**
     * Opens an artifact's dump, decrypted and decompressed. Its end is reported only after the
     * stored bytes have matched their size and checksum, and decrypted ones their size and the
     * OpenPGP integrity code: together they fix every decrypted byte, so the decrypted bytes'
     * SHA-256 is not computed again (see {@link #openDumpCheckingDecryptedChecksum}).
     *
     * @param manifest the backup
     * @param artifact one of its artifacts
     * @param decryption the keys that open an encrypted artifact; {@link Decryption#none()} for a plain one
     * @return the dump's bytes, to be closed by the caller; reading past their end checks them
     * @throws IOException when the file cannot be opened or an encrypted one is not an OpenPGP message
     * @throws dev.planb.PlanBException when the artifact is encrypted and {@code decryption} does not open it
     */
    public VerifiedDumpInputStream openDump(Manifest manifest, Artifact artifact, Decryption decryption)
            throws IOException {
        return openDump(manifest, artifact, decryption, false);
    }

    /**
     * Opens an artifact's dump as {@link #openDump(Manifest, Artifact, Decryption)} does, and also checks the
     * decrypted bytes against the SHA-256 the manifest records for them: what a verification reports.
     *
     * @param manifest the backup
     * @param artifact one of its artifacts
     * @param decryption the keys that open an encrypted artifact; {@link Decryption#none()} for a plain one
     * @return the dump's bytes, to be closed by the caller; reading past their end checks them
     * @throws IOException when the file cannot be opened or an encrypted one is not an OpenPGP message
     */
    public VerifiedDumpInputStream openDumpCheckingDecryptedChecksum(Manifest manifest, Artifact artifact,
            Decryption decryption) throws IOException {
        return openDump(manifest, artifact, decryption, true);
    }

    private VerifiedDumpInputStream openDump(Manifest manifest, Artifact artifact, Decryption decryption,
            boolean decryptedChecksum) throws IOException {
        VerifyingInputStream stored = openStored(manifest, artifact);
        try {
            Compression compression = Compression.fromId(artifact.compression());
            VerifyingInputStream compressed = stored;
            if (artifact.isEncrypted()) {
                String location = location(manifest, artifact);
                InputStream decrypted = decryption.decrypt(stored, artifact, location);
                long size = artifact.openpgp().decryptedSize();
                compressed = decryptedChecksum
                        ? new VerifyingInputStream(decrypted, size, artifact.openpgp().decryptedSha256(), location + " (decrypted)")
                        : VerifyingInputStream.sizeOnly(decrypted, size, location + " (decrypted)");
            }
            return new VerifiedDumpInputStream(compression.decompress(compressed), compressed, stored);
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    private List<BackupRef> manifestRefs(String prefix) {
        List<StoredObject> objects;
        try {
            objects = destination.list(prefix);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot list " + destination.description() + ": "
                    + e.getMessage(), e);
        }
        List<BackupRef> refs = new ArrayList<>();
        for (StoredObject object : objects) {
            Layout.parseManifestKey(object.key()).ifPresent(refs::add);
        }
        return refs;
    }

    private CatalogScan read(List<BackupRef> refs) {
        List<Manifest> manifests = new ArrayList<>();
        List<DamagedBackup> damaged = new ArrayList<>();
        for (BackupRef ref : refs) {
            try {
                readManifest(ref).ifPresent(manifests::add);
            } catch (DamagedManifestException e) {
                damaged.add(damaged(ref, e));
            }
        }
        manifests.sort(NEWEST_FIRST);
        return new CatalogScan(manifests, damaged);
    }

    /** The plan's backups with a manifest here, newest id first. */
    private List<BackupRef> newestFirst(String plan) {
        List<BackupRef> refs = manifestRefs(plan + "/");
        refs.sort(Comparator.comparing(BackupRef::id).reversed());
        return refs;
    }

    /** A manifest, or empty when it is gone or damaged (which is logged). */
    private Optional<Manifest> readOrSkip(BackupRef ref) {
        try {
            return readManifest(ref);
        } catch (DamagedManifestException e) {
            damaged(ref, e);
            return Optional.empty();
        }
    }

    private DamagedBackup damaged(BackupRef ref, DamagedManifestException e) {
        DamagedBackup damaged = new DamagedBackup(ref.plan(), ref.id(),
                destination.description() + "/" + Layout.manifestKey(ref.plan(), ref.id()), e.getMessage());
        LOG.warn("{}", damaged.describe());
        return damaged;
    }

    private Optional<Manifest> readManifest(BackupRef ref) throws DamagedManifestException {
        String key = Layout.manifestKey(ref.plan(), ref.id());
        byte[] content;
        try (InputStream in = destination.open(key)) {
            content = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot read " + destination.description() + "/"
                    + key + ": " + e.getMessage(), e);
        }
        if (content.length > MAX_MANIFEST_BYTES) {
            throw new DamagedManifestException("is larger than " + MAX_MANIFEST_BYTES / (1024 * 1024) + " MiB, which no"
                    + " manifest is");
        }
        return Optional.of(ManifestReader.read(content, destination.description() + "/" + key));
    }
}
