/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a failed backup before migrations as its one line and what to do, instead of a stack of bean errors. */
class MigrationBackupFailureAnalyzer extends AbstractFailureAnalyzer<MigrationBackupFailedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationBackupFailedException cause) {
        return new FailureAnalysis(cause.getMessage(), "Make the backup work (the cause above), or set"
                + " planb.migrations.fail-on-backup-error=false to migrate without it, or"
                + " planb.migrations.backup-before=false to take no backup before migrations.", cause);
    }
}
