/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import java.time.Instant;

/**
 * A stored backup, as status reports it.
 *
 * @param time when it finished
 * @param id its id
 * @param storedBytes bytes stored
 * @param label why it was taken ({@link Manifest#label()}), e.g. {@code before V42__drop_legacy}; {@code null}
 *     for an ordinary backup
 */
public record BackupSummary(Instant time, BackupId id, long storedBytes, String label) {

    /**
     * A backup without a label.
     *
     * @param time when it finished
     * @param id its id
     * @param storedBytes bytes stored
     */
    public BackupSummary(Instant time, BackupId id, long storedBytes) {
        this(time, id, storedBytes, null);
    }

    /**
     * The summary of a stored backup.
     *
     * @param manifest the backup's manifest, for its id, size and label
     * @param time when it finished
     * @return the summary
     */

    public static BackupSummary of(Manifest manifest, Instant time) {
        return new BackupSummary(time, manifest.id(), manifest.storedBytes(), manifest.label());
    }
}
