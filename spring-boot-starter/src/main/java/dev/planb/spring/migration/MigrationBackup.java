/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.hold.Holds;
import dev.planb.spi.Destination;
import dev.planb.spi.support.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up a plan before pending migrations, labelled with them, waits for the backup and puts it on hold for
 * {@code planb.migrations.keep-for} on every destination that stored it: a failed backup stops the migrations
 * (start-up fails with {@link MigrationBackupFailedException}) unless {@code planb.migrations.fail-on-backup-error=false}.
 */
public final class MigrationBackup {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationBackup.class);

    private final PlanB planB;
    private final String plan;
    private final boolean failOnError;
    private final Duration keepFor;

    /**
     * @param planB the runtime that runs {@code plan}
     * @param plan the plan to back up
     * @param failOnError whether a failed backup stops the migrations
     * @param keepFor how long the backup is held from retention; positive
     */
    MigrationBackup(PlanB planB, String plan, boolean failOnError, Duration keepFor) {
        this.planB = planB;
        this.plan = plan;
        this.failOnError = failOnError;
        this.keepFor = keepFor;
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
            hold(backup, label);
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

    /**
     * Holds the backup on every destination that stored it. A hold that cannot be written is logged: the backup
     * exists, and only retention could remove it before {@code keep-for}.
     */
    private void hold(BackupResult backup, String label) {
        Instant until = Instant.now().plus(keepFor);
        List<Destination> destinations = planB.plans().stream().filter(candidate -> candidate.name().equals(plan))
                .findFirst().map(BackupPlan::destinations).orElse(List.of());
        for (Destination destination : destinations) {
            boolean stored = backup.destinations().stream().anyMatch(result -> result.succeeded()
                    && result.destination().equals(destination.description()));
            if (!stored) {
                continue;
            }
            try {
                new Holds(destination).place(plan, backup.id(), label, until);
            } catch (PlanBException e) {
                LOG.warn("PlanB: backup {} of plan '{}' is not held on {} ({}): retention may remove it before {}",
                        backup.id(), plan, destination.description(), e.getMessage(), until);
            }
        }
    }
}
