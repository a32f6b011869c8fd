/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import java.time.Instant;

/**
 * Something that happened to a plan. Each kind is a record, so listeners can switch over them.
 */
public sealed interface PlanBEvent permits BackupStarted, BackupProgress, BackupSucceeded,
        BackupFailed, DestinationFailed, BackupSkipped, BackupStale, Pruned, Verified, VerificationFailed, Pulled,
        PullFailed, CoverageWarning, VerificationStale, LogStreamProblem, BackupDamaged,
        DestructiveChange {

    /** {@return the name of the plan it happened to} */
    String plan();

    /** {@return when it happened} */
    Instant time();
}
