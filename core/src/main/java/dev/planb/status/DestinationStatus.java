/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.catalog.DamagedBackup;
import java.util.List;
import java.util.Optional;

/**
 * How one destination of a plan stands.
 *
 * @param destination its description
 * @param lastSuccess the newest intact backup stored there
 * @param lastFailure the last time it failed to store one, or could not be read
 * @param damaged the damaged backups found there when its manifests were last read, newest first
 */
public record DestinationStatus(String destination, Optional<BackupSummary> lastSuccess,
        Optional<Failure> lastFailure, List<DamagedBackup> damaged) {

    /**
     * Copies the list.
     *
     * @param destination its description
     * @param lastSuccess the newest intact backup stored there
     * @param lastFailure the last time it failed to store one, or could not be read
     * @param damaged the damaged backups found there when its manifests were last read, newest first
     */
    public DestinationStatus {
        damaged = List.copyOf(damaged);
    }

    /**
     * A destination where no damaged backup was found.
     *
     * @param destination its description
     * @param lastSuccess the newest intact backup stored there
     * @param lastFailure the last time it failed to store one, or could not be read
     */
    public DestinationStatus(String destination, Optional<BackupSummary> lastSuccess, Optional<Failure> lastFailure) {
        this(destination, lastSuccess, lastFailure, List.of());
    }

    /**
     * {@return the newest damaged backup, when it may be newer than the newest intact one: then the destination's
     * newest backup is damaged}
     */

    public Optional<DamagedBackup> newestDamaged() {
        return damaged.stream().findFirst().filter(newest -> lastSuccess.isEmpty()
                || newest.mayBeNewerThan(lastSuccess.get().id()));
    }
}
