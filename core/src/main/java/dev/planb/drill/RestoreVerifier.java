/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.DatabaseSource;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.crypto.Decryption;
import dev.planb.files.internal.FilesCheck;
import dev.planb.internal.stream.VerifyingInputStream;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that a backup restores: every artifact matches its checksum and decompresses, and each
 * files source holds the file count and size its manifest records; then, in a
 * restore drill, PlanB creates a scratch database {@code planb_verify_<random>} on the server you
 * name, restores the backup into it and times the restore (the real recovery time), checks that
 * the tables and row counts equal the manifest's, runs your SQL checks and fingerprints, reviews
 * what the plan may have missed, and drops the scratch database, even when a check fails or the
 * process is interrupted (those of killed drills are dropped by the next one). The result is
 * written as {@code verification-<time>.json} beside the backup; the manifest is never touched.
 *
 * <pre>{@code
 * VerificationResult result = new RestoreVerifier(destination).verify(VerificationRequest.builder()
 *         .plan("app")
 *         .drillOn(DatabaseSource.of("jdbc:postgresql://drills:5432/postgres", "planb", secret))
 *         .check(SqlCheck.parse("select count(*) from orders >= 1"))
 *         .build());
 * if (!result.passed()) { alert(result.problems()); }
 * log.info("recovery time {}", result.recoveryTime());
 * }</pre>
 *
 * <p>Encrypted artifacts are checked against their stored checksum without a key; given the key
 * (or passphrase), they are also decrypted, checked and restored. The base backups and log files
 * of a point-in-time chain are checked the same way, by id; a drill of one is refused, as only
 * the chain restores.
 */
public final class RestoreVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreVerifier.class);

    private final Destination destination;
    private final Decryption decryption;
    private final Clock clock;

    /**
     * Verifies backups on a destination without a key: encrypted artifacts are checked by their stored checksums
     * only, and cannot be drilled.
     *
     * @param destination where the backups are stored; verification results are written there too
     */
    public RestoreVerifier(Destination destination) {
        this(destination, Decryption.none());
    }

    /**
     * Verifies backups on a destination, decrypting encrypted ones.
     *
     * @param destination where the backups are stored; verification results are written there too
     * @param decryption the key or passphrase for encrypted artifacts, or {@link Decryption#none()}
     */
    public RestoreVerifier(Destination destination, Decryption decryption) {
        this(destination, decryption, Clock.systemUTC());
    }

    /**
     * As {@link #RestoreVerifier(Destination, Decryption)}, reading times from a clock (for tests).
     *
     * @param destination where the backups are stored; verification results are written there too
     * @param decryption the key or passphrase for encrypted artifacts, or {@link Decryption#none()}
     * @param clock gives the start and end times of the verification and the measured recovery time
     */
    public RestoreVerifier(Destination destination, Decryption decryption, Clock clock) {
        this.destination = destination;
        this.decryption = decryption;
        this.clock = clock;
    }

    /**
     * Verifies one backup: its checksums, and with {@code drillServer} a restore drill on that
     * server with the row counts compared.
     *
     * @param plan the plan, or empty when the destination holds a single plan
     * @param backup a backup id or {@code latest}
     * @param drillServer the server to drill on (see {@link VerificationRequest.Builder#drillOn}),
     *     or empty to check checksums only
     * @return what was checked and found; {@link VerificationResult#passed()} gives the verdict
     * @throws PlanBException as {@link #verify(VerificationRequest)}
     */
    public VerificationResult verify(Optional<String> plan, String backup, Optional<DatabaseSource> drillServer) {
        VerificationRequest.Builder request = VerificationRequest.builder().plan(plan.orElse(null)).backup(backup);
        drillServer.ifPresent(request::drillOn);
        return verify(request.build());
    }

    /**
     * Verifies one backup as {@code request} says, and records the result beside it.
     *
     * @param request the backup to verify and, for a drill, where and with which checks
     * @return what was checked and found; {@link VerificationResult#passed()} gives the verdict
     * @throws PlanBException when the backup cannot be found, or the scratch database cannot be
     *     created or the target is refused; a backup that fails a check is a result, not an exception
     */
    public VerificationResult verify(VerificationRequest request) {
        Catalog catalog = new Catalog(destination);
        Manifest manifest = catalog.find(catalog.resolvePlan(request.planName()), request.backup());
        if (request.restores()) {
            Catalog.requireDump(manifest, "drilled");
        }
        Instant startedAt = clock.instant();
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Artifact artifact : manifest.artifacts()) {
            checked.add(catalog.location(manifest, artifact));
            checkArtifact(catalog, manifest, artifact).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            problems.addAll(FilesCheck.problems(catalog, manifest, decryption));
        }
        VerificationResult result = problems.isEmpty() && request.restores()
                ? new RestoreDrill(destination, decryption, manifest, request).run(checked, startedAt, clock)
                : new VerificationResult(manifest, checked, null, null, List.of(), List.of(), Map.of(), List.of(),
                        problems, startedAt, clock.instant());
        record(result);
        return result;
    }

    /** Writes the result beside the backup; a destination that refuses it does not change the verdict. */
    private void record(VerificationResult result) {
        try {
            String key = new VerificationLog(destination).write(result.toRecord());
            LOG.info("Verification of backup {} of plan '{}' {}: recorded in {}/{}", result.manifest().backupId(),
                    result.manifest().plan(), result.passed() ? "passed" : "FAILED", destination.description(), key);
        } catch (PlanBException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /**
     * Checks one artifact: what the manifest says about its encryption and compression against its
     * first bytes, its size and checksum, and, when it can be decompressed (unencrypted, or with the
     * key), its decrypted checksum and its dump size.
     */
    private Optional<String> checkArtifact(Catalog catalog, Manifest manifest, Artifact artifact) {
        String location = catalog.location(manifest, artifact);
        try (VerifyingInputStream stored = catalog.openStored(manifest, artifact)) {
            Optional<String> claim = ArtifactClaims.checkStoredHead(artifact, stored.readNBytes(ArtifactClaims.HEAD),
                    location);
            if (claim.isPresent()) {
                return claim;
            }
            if (artifact.isEncrypted() && !decryption.isPresent()) {
                stored.readToEndAndVerify();
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        try (InputStream dump = catalog.openDumpCheckingDecryptedChecksum(manifest, artifact, decryption)) {
            long size = dump.transferTo(OutputStream.nullOutputStream());
            return ArtifactClaims.checkDumpSize(artifact, size, location);
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }
}
