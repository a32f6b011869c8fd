/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.spi.Manifest;
import java.util.List;

/**
 * What retention decided for one backup.
 *
 * @param backup the backup
 * @param reasons why it is kept, e.g. {@code ["last #1", "daily #1"]}; empty when it is forgotten
 */
public record BackupDecision(Manifest backup, List<String> reasons) {

    /**
     * Copies the list.
     *
     * @param backup the backup
     * @param reasons why it is kept; empty when it is forgotten
     */
    public BackupDecision {
        reasons = List.copyOf(reasons);
    }

    /** {@return whether the backup is kept: at least one rule of the policy keeps it} */
    public boolean keep() {
        return !reasons.isEmpty();
    }
}
