/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import java.time.Instant;
import java.util.List;

/**
 * A pull copied a backup, every checksum verified, to the destinations that lacked it.
 *
 * @param plan the backup's plan
 * @param time when the copy finished
 * @param backupId the backup copied
 * @param from the source's description (never holds a secret)
 * @param to the destinations that received it
 * @param bytes bytes copied to each
 * @param removedFromSource whether the backup was then removed from the source
 */
public record Pulled(String plan, Instant time, BackupId backupId, String from, List<String> to, long bytes,
        boolean removedFromSource) implements PlanBEvent {

    /**
     * Copies the list, so the event cannot change.
     *
     * @param plan the backup's plan
     * @param time when the copy finished
     * @param backupId the backup copied
     * @param from the source's description
     * @param to the destinations that received it
     * @param bytes bytes copied to each
     * @param removedFromSource whether the backup was then removed from the source
     */
    public Pulled {
        to = List.copyOf(to);
    }
}
