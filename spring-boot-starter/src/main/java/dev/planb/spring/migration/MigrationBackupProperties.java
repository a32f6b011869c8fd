/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import dev.planb.hold.Holds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code planb.migrations.*}: the backup PlanB takes before the application's Flyway or Liquibase migrations.
 *
 * <pre>
 * planb.migrations.backup-before=true
 * planb.migrations.fail-on-backup-error=true
 * planb.migrations.keep-for=30d
 * </pre>
 */
@ConfigurationProperties("planb.migrations")
public class MigrationBackupProperties {

    /**
     * Whether PlanB backs up the application's database before Flyway or Liquibase runs pending
     * migrations at start-up (no backup when none is pending).
     */
    private boolean backupBefore = true;

    /**
     * Whether a failed backup before migrations stops start-up, so that the migrations do not run
     * without a backup; false logs the failure and migrates anyway.
     */
    private boolean failOnBackupError = true;

    /** The plan backed up before migrations; by default the application's own ({@code planb.name}). */
    private String plan;

    /**
     * How long retention keeps the backup taken before migrations: it is put on hold on every destination
     * that stored it, with its label as the reason, until then (or until released with {@code planb hold release}).
     */
    private Duration keepFor = Holds.DEFAULT_DURATION;

    public boolean isBackupBefore() {
        return backupBefore;
    }

    public void setBackupBefore(boolean backupBefore) {
        this.backupBefore = backupBefore;
    }

    public boolean isFailOnBackupError() {
        return failOnBackupError;
    }

    public void setFailOnBackupError(boolean failOnBackupError) {
        this.failOnBackupError = failOnBackupError;
    }

    public Duration getKeepFor() {
        return keepFor;
    }

    public void setKeepFor(Duration keepFor) {
        this.keepFor = keepFor;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }
}
