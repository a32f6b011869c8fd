/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import dev.planb.spi.BackupId;
import java.util.Objects;

/**
 * A backup whose manifest exists but does not parse, does not match its own checksum or lacks a
 * field: it cannot be trusted or restored, and is shown and counted rather than skipped.
 *
 * @param plan the plan's name
 * @param id the backup's id (from the folder name)
 * @param location the manifest's location, destination and key
 * @param reason what is wrong with the manifest, e.g. {@code does not match its own checksum (…)}
 */
public record DamagedBackup(String plan, BackupId id, String location, String reason) {

    /**
     * Checks that every field is set.
     *
     * @param plan the plan's name
     * @param id the backup's id (from the folder name)
     * @param location the manifest's location, destination and key
     * @param reason what is wrong with the manifest
     * @throws NullPointerException when a field is null
     */
    public DamagedBackup {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Whether this backup may be newer than {@code intact}: its id says when it started to the second,
     * and only its unreadable manifest says more, so a backup of the same second counts as newer.
     *
     * @param intact the id of an intact backup, e.g. the newest one
     * @return whether this backup started in the same second as {@code intact} or later
     */
    public boolean mayBeNewerThan(BackupId intact) {
        return !id.time().isBefore(intact.time());
    }

    /** {@return one line for messages: {@code backup <id> of plan '<plan>' is DAMAGED: <location> <reason>}} */
    public String describe() {
        return "backup " + id + " of plan '" + plan + "' is DAMAGED: " + location + " " + reason;
    }
}
