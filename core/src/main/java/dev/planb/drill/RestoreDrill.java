/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.crypto.Decryption;
import dev.planb.engine.DatabaseEngines;
import dev.planb.internal.run.RestoreRun;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Messages;
import dev.planb.verify.CheckOutcome;
import dev.planb.verify.CoverageFinding;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRecord;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore half of a verification: restore into a scratch database (created, then dropped
 * even on failure or interrupt, after dropping those of killed drills) or into the given target,
 * time it, compare row counts, run the SQL checks and fingerprints, and review coverage.
 */
final class RestoreDrill {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreDrill.class);

    private final Destination destination;
    private final Decryption decryption;
    private final Manifest manifest;
    private final VerificationRequest request;
    private final VerificationLog log;

    private String restoredInto;
    private Duration recoveryTime;
    private List<TableCount> restoredTables = List.of();
    private List<CheckOutcome> checks = List.of();
    private final Map<String, String> fingerprints = new TreeMap<>();
    private List<CoverageFinding> coverage = List.of();
    private final List<String> problems = new ArrayList<>();

    RestoreDrill(Destination destination, Decryption decryption, Manifest manifest, VerificationRequest request) {
        this.destination = destination;
        this.decryption = decryption;
        this.manifest = manifest;
        this.request = request;
        this.log = new VerificationLog(destination);
    }

    /**
     * Runs the drill.
     *
     * @param checkedArtifacts the artifacts whose checksums were checked before
     * @param startedAt when the verification started
     * @return the verification's result
     */
    VerificationResult run(List<String> checkedArtifacts, Instant startedAt, Clock clock) {
        drill();
        return new VerificationResult(manifest, checkedArtifacts, restoredInto, recoveryTime, restoredTables, checks,
                fingerprints, coverage, problems, startedAt, clock.instant());
    }

    private void drill() {
        DatabaseSource where = request.server() != null ? request.server() : request.target();
        DatabaseEngine engine = request.engine() != null && request.engine().handles(where.jdbcUrl()) ? request.engine()
                : DatabaseEngines.forUrl(where.jdbcUrl());
        if (!engine.name().equals(manifest.engine().name())) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Backup " + manifest.backupId() + " is a "
                    + manifest.engine().name() + " backup and cannot be drilled on " + where.redactedUrl() + " ("
                    + engine.name() + "): give a " + manifest.engine().name() + " JDBC URL");
        }
        Optional<VerificationRecord> previous = previous(record -> record.restoredInto() != null);
        if (request.target() != null) {
            refuseUnlessScratch(engine, request.target());
            restoreAndCheck(engine, request.target(), request.target().redactedUrl());
        } else {
            ScratchDatabases scratches = engine.scratchDatabases().orElseThrow(() -> new PlanBException(
                    ErrorCode.INVALID_SETTING, "The " + engine.name() + " engine cannot make scratch databases: give a"
                            + " database to restore into"));
            scratches.dropOrphans(where);
            ScratchDatabase scratch = scratches.create(where);
            try (DropOnExit dropped = new DropOnExit(scratch)) {
                restoreAndCheck(engine, scratch.source(), scratch.name());
            }
        }
        if (!restoredTables.isEmpty() || recoveryTime != null) {
            coverage = CoverageReview.review(engine, manifest, Optional.ofNullable(request.liveDatabase()).orElse(where),
                    Optional.ofNullable(request.liveDatabase()), request.coveredDatabases(), restoredTables, previous);
        }
    }

    private void restoreAndCheck(DatabaseEngine engine, DatabaseSource target, String label) {
        restoredInto = label;
        long start = System.nanoTime();
        RestoreResult restored;
        try {
            restored = new RestoreRun(RestoreRequest.builder().from(destination).plan(manifest.plan())
                    .backup(manifest.backupId()).target(target).decryption(decryption).engine(engine)
                    .force(request.allowNonScratchTarget()).build()).execute();
        } catch (PlanBException e) {
            problems.add("restore failed: " + e.getMessage());
            return;
        }
        recoveryTime = Duration.ofNanos(System.nanoTime() - start);
        restoredTables = restored.restoredTables();
        problems.addAll(restored.mismatches());
        LOG.info("Drill of backup {} of plan '{}': restored into {} in {} ms", manifest.backupId(), manifest.plan(),
                label, recoveryTime.toMillis());
        if (request.checks().isEmpty() && request.fingerprintedTables().isEmpty()) {
            return;
        }
        try (Connection connection = engine.connect(target)) {
            checks = SqlCheckRunner.run(connection, request.checks());
            checks.stream().filter(check -> !check.passed())
                    .forEach(check -> problems.add("SQL check failed: " + check.query() + ": expected "
                            + check.comparison() + " " + check.expected() + ", got " + check.actual()));
            Fingerprints found = Fingerprints.of(connection, request.fingerprintedTables());
            fingerprints.putAll(found.values());
            problems.addAll(found.problems());
            compareFingerprints();
        } catch (SQLException | PlanBException e) {
            problems.add("cannot run the SQL checks on " + label + ": " + Messages.firstLine(e));
        }
    }

    /** A backup's content cannot change: a fingerprint must equal the one of an earlier drill of the same backup. */
    private void compareFingerprints() {
        if (fingerprints.isEmpty()) {
            return;
        }
        previous(record -> record.backupId().equals(manifest.backupId()) && !record.fingerprints().isEmpty())
                .ifPresent(earlier -> fingerprints.forEach((table, value) -> {
                    String before = earlier.fingerprints().get(table);
                    if (before != null && !before.equals(value)) {
                        problems.add("table " + table + " restored with other content than in the drill of "
                                + earlier.finishedAt() + " (fingerprint " + value + ", was " + before + ")");
                    }
                }));
    }

    private Optional<VerificationRecord> previous(Predicate<VerificationRecord> wanted) {
        try {
            return log.newest(manifest.plan(), wanted);
        } catch (PlanBException e) {
            LOG.warn("Cannot read earlier drills of plan '{}': {}", manifest.plan(), e.getMessage());
            return Optional.empty();
        }
    }

    private void refuseUnlessScratch(DatabaseEngine engine, DatabaseSource target) {
        boolean scratch = engine.databaseName(target).filter(ScratchDatabases::isScratchName).isPresent();
        if (!scratch && !request.allowNonScratchTarget()) {
            throw new PlanBException(ErrorCode.RESTORE_REFUSED, "Verification refuses to restore into "
                    + target.redactedUrl() + ": it is not a scratch database (" + ScratchDatabases.NAME_PREFIX
                    + "…) and its content would be replaced; drill on a server instead (PlanB creates and drops the"
                    + " scratch database), or allow this target explicitly");
        }
    }
}
