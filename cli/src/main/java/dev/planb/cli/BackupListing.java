/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planb.catalog.DamagedBackup;
import dev.planb.hold.Hold;
import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import java.time.Instant;
import java.util.List;

/**
 * One line of {@code planb list}, and one object of {@code planb list --json}.
 *
 * @param plan the plan
 * @param backupId the backup's id
 * @param kind {@code full} (a dump), {@code base} (a base backup that starts a point-in-time chain) or
 *     {@code log} (one shipped log file)
 * @param startedAt when it started (UTC)
 * @param durationMillis how long it took
 * @param storedBytes bytes stored
 * @param dumpBytes bytes of the dump before compression
 * @param tables number of tables
 * @param rows rows in all tables
 * @param engine the engine and the database's version
 * @param parentId for a log file, the backup that starts its chain; absent otherwise
 * @param logFile for a log file, its name in the database's log; absent otherwise
 * @param partial for a log file, whether it was still being written when shipped; absent otherwise
 * @param parentMissing for a log file, true when its chain's first backup is not on the destination
 * @param log for a chain's first backup (or, when that is missing, its newest log file), the log files
 *     shipped for the chain; absent when there are none
 * @param status {@code ok}, or {@code DAMAGED} when the backup's manifest does not parse or does not match
 *     its checksum: then only the plan, the id and the start time (from the id, to the second) are known
 * @param damaged for a damaged backup, what is wrong with its manifest, with the manifest's location
 * @param holds the active holds on the backup (retention keeps it while there is one); absent when none
 * @param table with {@code --table}, that table's row count in this backup and its trend; absent otherwise
 * @param label why the backup was taken, e.g. {@code before V42__drop_legacy} for the Spring Boot starter's
 *     backup before database migrations; absent for an ordinary backup
 */
record BackupListing(String plan, String backupId, String kind, Instant startedAt, long durationMillis,
        long storedBytes, long dumpBytes, int tables, long rows, String engine,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parentId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String logFile,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean partial,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean parentMissing,
        @JsonInclude(JsonInclude.Include.NON_NULL) ChainSummary log,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String damaged,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<HoldListing> holds,
        @JsonInclude(JsonInclude.Include.NON_NULL) TableRows table,
        @JsonInclude(JsonInclude.Include.NON_NULL) String label) {

    /** Copies the list. */
    BackupListing {
        holds = holds == null ? List.of() : List.copyOf(holds);
    }

    /** The status of a backup whose manifest was read and proved. */
    static final String OK = "ok";
    /** The status of a damaged backup. */
    static final String DAMAGED = "DAMAGED";

    static BackupListing of(DamagedBackup damaged) {
        return new BackupListing(damaged.plan(), damaged.id().value(), null, damaged.id().time(), 0, 0, 0, 0, 0, null,
                null, null, null, false, null, DAMAGED, damaged.location() + " " + damaged.reason(), List.of(), null, null);
    }

    boolean isDamaged() {
        return DAMAGED.equals(status);
    }

    static BackupListing of(Manifest manifest) {
        return of(manifest, false, null);
    }

    static BackupListing of(Manifest manifest, boolean parentMissing, ChainSummary log) {
        boolean isLog = manifest.isLog();
        return new BackupListing(manifest.plan(), manifest.backupId(),
                manifest.kind() == null ? Manifest.KIND_FULL : manifest.kind(), manifest.startedAt(),
                manifest.duration().toMillis(), manifest.storedBytes(),
                manifest.artifacts().stream().mapToLong(Manifest.Artifact::dumpSize).sum(),
                manifest.tables().size(), manifest.totalRows(),
                manifest.engine().name() + " " + manifest.engine().serverVersion(),
                isLog ? manifest.parentId() : null, isLog ? manifest.log().file() : null,
                isLog ? manifest.log().partial() : null, isLog && parentMissing, log, OK, null, List.of(), null,
                manifest.label());
    }

    /** This listing with the backup's active holds. */
    BackupListing withHolds(List<HoldListing> active) {
        return new BackupListing(plan, backupId, kind, startedAt, durationMillis, storedBytes, dumpBytes, tables, rows,
                engine, parentId, logFile, partial, parentMissing, log, status, damaged, active, table, label);
    }

    /** This listing with one table's rows. */
    BackupListing withTable(TableRows rowsOfTable) {
        return new BackupListing(plan, backupId, kind, startedAt, durationMillis, storedBytes, dumpBytes, tables, rows,
                engine, parentId, logFile, partial, parentMissing, log, status, damaged, holds, rowsOfTable, label);
    }

    /**
     * An active hold, as listed.
     *
     * @param id the hold's id
     * @param reason why it was placed
     * @param createdAt when
     * @param expiresAt when it ends by itself
     * @param changedIn for a hold placed on a destructive change, the backup that showed it
     */
    record HoldListing(String id, String reason, Instant createdAt, Instant expiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String changedIn) {

        static HoldListing of(Hold hold) {
            return new HoldListing(hold.id().value(), hold.reason(), hold.createdAt(), hold.expiresAt(),
                    hold.changedIn().map(BackupId::value).orElse(null));
        }
    }

    /**
     * One table's row count in a backup, with the change from the next older backup listed.
     *
     * @param name the table
     * @param rows its rows, or absent when the backup does not have the table
     * @param trend {@code down -95.0%}, {@code up +3.0%}, {@code gone}, {@code new}, or empty when unchanged or
     *     for the oldest backup listed
     */
    record TableRows(String name, @JsonInclude(JsonInclude.Include.NON_NULL) Long rows, String trend) {
    }
}
