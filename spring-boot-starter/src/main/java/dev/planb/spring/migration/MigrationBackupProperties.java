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

    /** Every property at its default, before Spring Boot binds {@code planb.migrations.*} onto it. */
    public MigrationBackupProperties() {
    }

    /** {@return {@code planb.migrations.backup-before}: whether pending migrations are preceded by a backup (default true)} */
    public boolean isBackupBefore() {
        return backupBefore;
    }

    /**
     * Sets {@code planb.migrations.backup-before}.
     *
     * @param backupBefore {@code false} to let Flyway or Liquibase migrate without a backup first
     */
    public void setBackupBefore(boolean backupBefore) {
        this.backupBefore = backupBefore;
    }

    /** {@return {@code planb.migrations.fail-on-backup-error}: whether a failed backup stops start-up (default true)} */
    public boolean isFailOnBackupError() {
        return failOnBackupError;
    }

    /**
     * Sets {@code planb.migrations.fail-on-backup-error}.
     *
     * @param failOnBackupError {@code false} to log a failed backup and migrate anyway
     */
    public void setFailOnBackupError(boolean failOnBackupError) {
        this.failOnBackupError = failOnBackupError;
    }

    /** {@return {@code planb.migrations.keep-for}: how long the backup taken before migrations is held against retention (default 30 days)} */
    public Duration getKeepFor() {
        return keepFor;
    }

    /**
     * Sets {@code planb.migrations.keep-for}.
     *
     * @param keepFor how long retention may not delete the backup taken before migrations; {@code planb hold
     *     release} ends the hold sooner
     */
    public void setKeepFor(Duration keepFor) {
        this.keepFor = keepFor;
    }

    /** {@return {@code planb.migrations.plan}: the plan backed up before migrations, or {@code null} for the application's own} */
    public String getPlan() {
        return plan;
    }

    /**
     * Sets {@code planb.migrations.plan}.
     *
     * @param plan a plan's name ({@code planb.name} or a key of {@code planb.plans}); {@code null} for the
     *     application's own plan
     */
    public void setPlan(String plan) {
        this.plan = plan;
    }
}
