/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.spi.Manifest;
import java.util.List;

/**
 * What a {@link RetentionPolicy} decided for every backup of a plan on one destination.
 *
 * @param decisions one per backup, newest first
 */
public record RetentionDecision(List<BackupDecision> decisions) {

    /**
     * Copies the list.
     *
     * @param decisions one per backup, newest first
     */
    public RetentionDecision {
        decisions = List.copyOf(decisions);
    }

    /** {@return the backups to keep, newest first} */
    public List<Manifest> kept() {
        return decisions.stream().filter(BackupDecision::keep).map(BackupDecision::backup).toList();
    }

    /** {@return the backups to forget, newest first} */
    public List<Manifest> forgotten() {
        return decisions.stream().filter(decision -> !decision.keep()).map(BackupDecision::backup).toList();
    }
}
