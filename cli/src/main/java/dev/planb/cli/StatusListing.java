/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planb.catalog.DamagedBackup;
import dev.planb.status.BackupSummary;
import dev.planb.status.PlanStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line of {@code planb status}, and one object of {@code planb status --json}.
 *
 * @param plan the plan
 * @param state {@code ok}; {@code stale} when the newest intact backup is older than the max age;
 *     {@code DAMAGED} when the newest backup is damaged; {@code CHANGED} when a destructive change is open (its
 *     last good backup is held)
 * @param backupId the newest intact backup's id, or {@code null} when there is none
 * @param finishedAt when it finished (UTC), or {@code null}
 * @param ageSeconds its age, in seconds, or {@code null}
 * @param storedBytes its size on storage (0 without one)
 * @param maxAgeSeconds the max age checked, or {@code null} without {@code --max-age}
 * @param damaged how many damaged backups the plan has on the destination
 * @param newestDamaged the damaged backup that is newer than the newest intact one, if any
 * @param damage what is wrong with that backup's manifest, with its location
 * @param destructiveChange the open destructive change: the backup that showed it, the last good backup (held),
 *     and the tables with their row counts; absent when none
 * @param label the newest intact backup's label, e.g. {@code before V42__drop_legacy}; absent when it has none
 */
record StatusListing(String plan, String state, String backupId, Instant finishedAt, Long ageSeconds,
        long storedBytes, Long maxAgeSeconds, int damaged,
        @JsonInclude(JsonInclude.Include.NON_NULL) String newestDamaged,
        @JsonInclude(JsonInclude.Include.NON_NULL) String damage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Change destructiveChange,
        @JsonInclude(JsonInclude.Include.NON_NULL) String label) {

    /**
     * A destructive change, as listed.
     *
     * @param backupId the backup that showed it
     * @param lastGoodBackupId the backup from before it, held from retention
     * @param heldUntil until when it is held
     * @param tables the tables with their row counts before and after
     */
    record Change(String backupId, String lastGoodBackupId, Instant heldUntil, String tables) {
    }

    /** The state of a plan whose newest backup is damaged. */
    static final String DAMAGED = "DAMAGED";
    /** The state of a plan with an open destructive change. */
    static final String CHANGED = "CHANGED";

    static StatusListing of(PlanStatus status, Instant now) {
        Optional<BackupSummary> newest = status.lastSuccess();
        Optional<DamagedBackup> damagedNewest = status.newestDamaged().stream().findFirst();
        String state = damagedNewest.isPresent() ? DAMAGED : status.isStale() ? "stale"
                : status.destructiveChange().isPresent() ? CHANGED : "ok";
        return new StatusListing(status.plan(), state, newest.map(backup -> backup.id().value()).orElse(null),
                newest.map(BackupSummary::time).orElse(null),
                newest.map(backup -> Duration.between(backup.time(), now).getSeconds()).orElse(null),
                newest.map(BackupSummary::storedBytes).orElse(0L),
                status.maxAge().map(Duration::getSeconds).orElse(null), status.damaged().size(),
                damagedNewest.map(backup -> backup.id().value()).orElse(null),
                damagedNewest.map(backup -> backup.location() + " " + backup.reason()).orElse(null),
                status.destructiveChange().map(change -> new Change(change.backupId().value(),
                        change.previousId().value(), change.heldUntil().orElse(null), change.describeTables()))
                        .orElse(null),
                newest.map(BackupSummary::label).orElse(null));
    }

    boolean stale() {
        return "stale".equals(state);
    }

    boolean isDamaged() {
        return DAMAGED.equals(state);
    }
}
