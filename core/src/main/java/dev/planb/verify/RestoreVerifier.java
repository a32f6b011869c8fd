package dev.planb.verify;

import dev.planb.DatabaseSource;
import dev.planb.Destination;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.crypto.Decryption;
import dev.planb.internal.VerifyingInputStream;
import dev.planb.internal.files.FilesCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves that a backup is sound: every artifact matches its checksum and decompresses, each files
 * source holds the file count and size its manifest records, and, when given a scratch database, the backup restores there with the row counts the manifest
 * recorded. Encrypted artifacts are checked against their stored checksum without a key; given
 * the key (or passphrase), they are also decrypted, checked and decompressed.
 *
 * <pre>{@code
 * VerificationResult result = new RestoreVerifier(destination)
 *         .verify(Optional.of("app"), "latest", Optional.of(DatabaseSource.of("jdbc:sqlite:/tmp/drill.db")));
 * if (!result.passed()) { alert(result.problems()); }
 * }</pre>
 */
public final class RestoreVerifier {

    private final Destination destination;
    private final Decryption decryption;

    /** Verifies backups stored on {@code destination}; encrypted ones by their stored checksums only. */
    public RestoreVerifier(Destination destination) {
        this(destination, Decryption.none());
    }

    /** Verifies backups stored on {@code destination}, decrypting encrypted ones with {@code decryption}. */
    public RestoreVerifier(Destination destination, Decryption decryption) {
        this.destination = destination;
        this.decryption = decryption;
    }

    /**
     * Verifies one backup.
     *
     * @param plan the plan, or empty when the destination holds a single plan
     * @param backup a backup id or {@code latest}
     * @param restoreTo an empty scratch database to restore into, or empty to check checksums only
     * @throws PlanBException when the backup cannot be found or the scratch database cannot be used
     */
    public VerificationResult verify(Optional<String> plan, String backup, Optional<DatabaseSource> restoreTo) {
        Catalog catalog = PlanB.catalog(destination);
        Manifest manifest = catalog.find(catalog.resolvePlan(plan), backup);
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Artifact artifact : manifest.artifacts()) {
            checked.add(catalog.location(manifest, artifact));
            checkArtifact(catalog, manifest, artifact).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            problems.addAll(FilesCheck.problems(catalog, manifest, decryption));
        }
        String restoredInto = null;
        if (problems.isEmpty() && restoreTo.isPresent()) {
            RestoreResult restored = PlanB.restore(RestoreRequest.builder().from(destination).plan(manifest.plan())
                    .backup(manifest.backupId()).target(restoreTo.get()).decryption(decryption).build());
            restoredInto = restoreTo.get().redactedUrl();
            problems.addAll(restored.mismatches());
        }
        return new VerificationResult(manifest, checked, restoredInto, problems);
    }

    private Optional<String> checkArtifact(Catalog catalog, Manifest manifest, Artifact artifact) {
        if (artifact.isEncrypted() && !decryption.isPresent()) {
            try (VerifyingInputStream stored = catalog.openStored(manifest, artifact)) {
                stored.readToEndAndVerify();
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }
        try (InputStream dump = catalog.openDump(manifest, artifact, decryption)) {
            dump.transferTo(OutputStream.nullOutputStream());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
