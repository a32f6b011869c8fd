/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.internal.Version;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verification found.
 *
 * @param manifest the backup that was verified
 * @param checkedArtifacts the artifacts whose checksum was checked, by location
 * @param restoredInto where the backup was restored for the check (a scratch database's name, or
 *     the target's redacted URL), or {@code null} if it was not
 * @param recoveryTime how long the restore took, the real recovery time, or {@code null} without a restore
 * @param restoredTables the tables and row counts found after the restore
 * @param checks the SQL checks and how they went
 * @param fingerprints each fingerprinted table's ordered primary-key hash
 * @param coverage what the plan may have missed; reported, not a failure
 * @param problems every problem found; empty when the backup is sound
 * @param startedAt when the verification started
 * @param finishedAt when it finished
 */
public record VerificationResult(Manifest manifest, List<String> checkedArtifacts, String restoredInto,
        Duration recoveryTime, List<TableCount> restoredTables, List<CheckOutcome> checks,
        Map<String, String> fingerprints, List<CoverageFinding> coverage, List<String> problems,
        Instant startedAt, Instant finishedAt) {

    /**
     * Copies the collections.
     *
     * @param manifest the backup that was verified
     * @param checkedArtifacts the artifacts whose checksum was checked, by location
     * @param restoredInto where the backup was restored for the check, or {@code null} if it was not
     * @param recoveryTime how long the restore took, or {@code null} without a restore
     * @param restoredTables the tables and row counts found after the restore
     * @param checks the SQL checks and how they went
     * @param fingerprints each fingerprinted table's ordered primary-key hash
     * @param coverage what the plan may have missed
     * @param problems every problem found; empty when the backup is sound
     * @param startedAt when the verification started
     * @param finishedAt when it finished
     * @throws NullPointerException when a collection is null
     */
    public VerificationResult {
        checkedArtifacts = List.copyOf(checkedArtifacts);
        restoredTables = List.copyOf(restoredTables);
        checks = List.copyOf(checks);
        fingerprints = Map.copyOf(fingerprints);
        coverage = List.copyOf(coverage);
        problems = List.copyOf(problems);
    }

    /** {@return whether no problem was found} */
    public boolean passed() {
        return problems.isEmpty();
    }

    /** {@return whether a restore ran and found every table with the row count the manifest recorded} */
    public boolean rowCountsMatch() {
        return recoveryTime != null && TableCounts.compare(manifest.tables(), restoredTables).isEmpty();
    }

    /** {@return how long the restore took: the measured recovery time; empty when nothing was restored} */
    public Optional<Duration> recovery() {
        return Optional.ofNullable(recoveryTime);
    }

    /** {@return what {@code verification-<time>.json} records of this result, stamped with this PlanB's version} */
    public VerificationRecord toRecord() {
        return new VerificationRecord(VerificationRecord.FORMAT_VERSION, manifest.plan(), manifest.backupId(), startedAt,
                finishedAt, passed(), restoredInto, recoveryTime == null ? null : recoveryTime.toMillis(), restoredTables,
                checks, fingerprints, coverage, problems, Version.current());
    }
}
