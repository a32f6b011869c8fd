package dev.planb.spring.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code planb.migrations.*}: the backup PlanB takes before the application's Flyway or Liquibase migrations.
 *
 * <pre>
 * planb.migrations.backup-before=true
 * planb.migrations.fail-on-backup-error=true
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

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }
}
