/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.spi.BackupId;
import dev.planb.verify.CoverageFinding;
import java.time.Instant;
import java.util.List;

/**
 * A restore drill found parts of the system the plan may have missed: databases on the server no
 * plan backs up, tables the backup leaves out, tables new since the previous drill. Not a failure:
 * a person should look.
 *
 * @param plan the plan's name
 * @param time when the drill finished
 * @param backupId the backup drilled
 * @param findings what was found, one finding per database or table
 */
public record CoverageWarning(String plan, Instant time, BackupId backupId, List<CoverageFinding> findings)
        implements PlanBEvent {

    /**
     * Copies the list, so the event cannot change.
     *
     * @param plan the plan's name
     * @param time when the drill finished
     * @param backupId the backup drilled
     * @param findings what was found, one finding per database or table
     */
    public CoverageWarning {
        findings = List.copyOf(findings);
    }
}
