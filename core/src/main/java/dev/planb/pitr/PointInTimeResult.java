/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pitr;

import dev.planb.spi.Manifest;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryTarget;
import java.util.List;

/**
 * What a point-in-time restore did.
 *
 * @param base the chain's first backup
 * @param logs the log files replayed, in log order
 * @param target where recovery was asked to stop
 * @param point the point it reached
 * @param restoredInto the data directory or the (redacted) database URL
 * @param warnings what the user should know (gaps, a target beyond the shipped log)
 */
public record PointInTimeResult(Manifest base, List<Manifest> logs, RecoveryTarget target, RecoveredPoint point,
        String restoredInto, List<String> warnings) {

    /**
     * Copies the lists.
     *
     * @param base the chain's first backup
     * @param logs the log files replayed, in log order
     * @param target where recovery was asked to stop
     * @param point the point it reached
     * @param restoredInto the data directory or the (redacted) database URL
     * @param warnings what the user should know (gaps, a target beyond the shipped log)
     */

    public PointInTimeResult {
        logs = List.copyOf(logs);
        warnings = List.copyOf(warnings);
    }
}
