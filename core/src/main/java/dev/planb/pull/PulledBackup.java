/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pull;

import dev.planb.spi.BackupId;

/**
 * What a pull did with one backup of the source.
 *
 * @param plan the backup's plan
 * @param backupId the backup's id
 * @param outcome what happened
 * @param message why it failed, or an empty string
 * @param removedFromSource whether it was removed from the source after a verified copy
 */
public record PulledBackup(String plan, BackupId backupId, Outcome outcome, String message, boolean removedFromSource) {

    /** What happened to a backup. */
    public enum Outcome {
        /** Copied, every checksum verified, to each destination that lacked it. */
        COPIED,
        /** Every destination already had it: nothing copied. */
        ALREADY_PRESENT,
        /** It is damaged on the source (checksum, size, missing file or unreadable manifest): not copied. */
        CORRUPT,
        /** A destination could not store it, or the source could not be read: not complete everywhere. */
        FAILED
    }

    /** {@return whether this backup is now on every destination (copied now or already present)} */

    public boolean succeeded() {
        return outcome == Outcome.COPIED || outcome == Outcome.ALREADY_PRESENT;
    }
}
