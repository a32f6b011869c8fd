package dev.planb.cli;

import dev.planb.catalog.Manifest;
import java.time.Instant;

/**
 * One line of {@code planb list}, and one object of {@code planb list --json}.
 *
 * @param plan the plan
 * @param backupId the backup's id
 * @param startedAt when it started (UTC)
 * @param durationMillis how long it took
 * @param storedBytes bytes stored
 * @param dumpBytes bytes of the dump before compression
 * @param tables number of tables
 * @param rows rows in all tables
 * @param engine the engine and the database's version
 */
record BackupListing(String plan, String backupId, Instant startedAt, long durationMillis, long storedBytes,
        long dumpBytes, int tables, long rows, String engine) {

    static BackupListing of(Manifest manifest) {
        return new BackupListing(manifest.plan(), manifest.backupId(), manifest.startedAt(),
                manifest.duration().toMillis(), manifest.storedBytes(),
                manifest.artifacts().stream().mapToLong(Manifest.Artifact::dumpSize).sum(),
                manifest.tables().size(), manifest.totalRows(),
                manifest.engine().name() + " " + manifest.engine().serverVersion());
    }
}
