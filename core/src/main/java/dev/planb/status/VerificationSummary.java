/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import dev.planb.spi.BackupId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last verification of a plan's backups.
 *
 * @param time when it finished
 * @param id the backup verified
 * @param problems what was wrong; empty when it passed
 * @param recoveryTime how long the drill's restore took (the real recovery time), or {@code null}
 *     when it did not restore
 */
public record VerificationSummary(Instant time, BackupId id, List<String> problems, Duration recoveryTime) {

    /**
     * Copies the list.
     *
     * @param time when it finished
     * @param id the backup verified
     * @param problems what was wrong; empty when it passed
     * @param recoveryTime how long the drill's restore took, or {@code null} when it did not restore
     */
    public VerificationSummary {
        problems = List.copyOf(problems);
    }

    /** {@return how long the drill's restore took, when there was one} */
    public Optional<Duration> recovery() {
        return Optional.ofNullable(recoveryTime);
    }

    /** {@return whether the backup passed (no problem found)} */

    public boolean passed() {
        return problems.isEmpty();
    }
}
