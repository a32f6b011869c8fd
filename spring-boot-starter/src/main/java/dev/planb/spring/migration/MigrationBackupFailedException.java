/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

/**
 * The backup before migrations failed, so the migrations did not run and the application does not start;
 * its message is one line naming the cause and {@code planb.migrations.fail-on-backup-error}.
 */
public class MigrationBackupFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MigrationBackupFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
