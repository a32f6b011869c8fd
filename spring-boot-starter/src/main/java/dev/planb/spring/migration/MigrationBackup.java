package dev.planb.spring.migration;

import dev.planb.BackupResult;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up a plan before pending migrations, labelled with them, and waits for the backup: a failure stops
 * the migrations (start-up fails with {@link MigrationBackupFailedException}) unless
 * {@code planb.migrations.fail-on-backup-error=false}.
 */
public final class MigrationBackup {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationBackup.class);

    private final PlanB planB;
    private final String plan;
    private final boolean failOnError;

    /**
     * @param planB the runtime that runs {@code plan}
     * @param plan the plan to back up
     * @param failOnError whether a failed backup stops the migrations
     */
    MigrationBackup(PlanB planB, String plan, boolean failOnError) {
        this.planB = planB;
        this.plan = plan;
        this.failOnError = failOnError;
    }

    /**
     * Backs up before {@code pending}, which {@code tool} is about to run.
     *
     * @param tool {@code Flyway} or {@code Liquibase}, for messages
     * @param pending the pending migrations' names, in the order they will run; nothing is done when empty
     * @throws MigrationBackupFailedException when the backup fails and failures stop the migrations
     */
    void before(String tool, List<String> pending) {
        if (pending.isEmpty()) {
            LOG.debug("PlanB: no pending {} migrations, no backup before them", tool);
            return;
        }
        String label = MigrationLabel.of(pending);
        LOG.info("PlanB: {} pending {} migration(s); backing up plan '{}' first ({})", pending.size(), tool, plan, label);
        try {
            BackupResult backup = planB.backupAndWait(plan, label);
            LOG.info("PlanB: backup {} of plan '{}' stored ({}); the {} migrations run now", backup.id(), plan, label,
                    tool);
        } catch (PlanBException | IllegalArgumentException e) {
            String cause = Messages.firstLine(e);
            if (failOnError) {
                throw new MigrationBackupFailedException("PlanB could not back up plan '" + plan + "' " + label
                        + ", so the " + tool + " migrations did not run: " + cause + " (fix that, or set"
                        + " planb.migrations.fail-on-backup-error=false to migrate without this backup)", e);
            }
            LOG.warn("PlanB could not back up plan '{}' {}: {}; the {} migrations run without this backup"
                    + " (planb.migrations.fail-on-backup-error=false)", plan, label, cause, tool);
        }
    }
}
