/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.spi.TableCount;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code verification-<time>.json} records about one verification, beside the backup it
 * checked. Written once, never rewritten; the manifest is never touched.
 *
 * @param formatVersion the format; this library writes {@link #FORMAT_VERSION}
 * @param plan the plan's name
 * @param backupId the backup checked
 * @param startedAt when the verification started
 * @param finishedAt when it finished
 * @param passed whether no problem was found
 * @param restoredInto where the backup was restored (a scratch database's name, or a redacted URL), or {@code null}
 * @param recoveryMillis how long the restore took, in milliseconds: the real recovery time; {@code null} without a restore
 * @param restoredTables the tables and row counts found after the restore
 * @param checks the SQL checks and how they went
 * @param fingerprints each fingerprinted table's ordered primary-key hash
 * @param coverage what the plan may have missed
 * @param problems every problem found, one line each
 * @param planbVersion the PlanB version that verified
 */
public record VerificationRecord(int formatVersion, String plan, String backupId, Instant startedAt, Instant finishedAt,
        boolean passed, String restoredInto, Long recoveryMillis, List<TableCount> restoredTables,
        List<CheckOutcome> checks, Map<String, String> fingerprints, List<CoverageFinding> coverage,
        List<String> problems, String planbVersion) {

    /** The format this version writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the collections, reading absent ones as empty.
     *
     * @param formatVersion the format; this library writes {@link #FORMAT_VERSION}
     * @param plan the plan's name
     * @param backupId the backup checked
     * @param startedAt when the verification started
     * @param finishedAt when it finished
     * @param passed whether no problem was found
     * @param restoredInto where the backup was restored, or {@code null}
     * @param recoveryMillis how long the restore took, in milliseconds; {@code null} without a restore
     * @param restoredTables the tables and row counts found after the restore; {@code null} for none
     * @param checks the SQL checks and how they went; {@code null} for none
     * @param fingerprints each fingerprinted table's ordered primary-key hash; {@code null} for none
     * @param coverage what the plan may have missed; {@code null} for nothing
     * @param problems every problem found; {@code null} for none
     * @param planbVersion the PlanB version that verified
     */
    public VerificationRecord {
        restoredTables = restoredTables == null ? List.of() : List.copyOf(restoredTables);
        checks = checks == null ? List.of() : List.copyOf(checks);
        fingerprints = fingerprints == null ? Map.of() : Map.copyOf(fingerprints);
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
