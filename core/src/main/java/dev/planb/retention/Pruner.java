/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.catalog.Catalog;
import dev.planb.hold.Holds;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.StoredObject;
import dev.planb.spi.BackupId;
import dev.planb.catalog.CatalogScan;
import dev.planb.catalog.DamagedBackup;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy} to one plan's backups on one destination. A forgotten backup
 * is deleted manifest first, so that from the first delete on it is no longer listed as a
 * complete backup; its other files follow. A backup whose files storage still protects is left
 * ("retained until …"), and a destination that refuses deletes deletes nothing ("not permitted").
 * Backups are handled newest first, so a forgotten chain loses its log files before its first
 * backup: a prune cut short leaves a shorter chain, never log files without their start.
 * A {@linkplain dev.planb.catalog.DamagedBackup damaged} backup (its manifest does not parse or
 * does not match its checksum) is never forgotten by the policy, which decides over intact backups
 * only: it is kept, and reported, unless the prune is told to include damaged backups, which
 * deletes them. A backup on hold ({@link Holds}) is kept, with what it depends on, until its hold is
 * released or expires; the holds are read from the destination, so a pruner on any host honours them.
 *
 * <pre>{@code
 * PruneReport report = new Pruner(destination).prune("app", policy, Instant.now(), false);
 * }</pre>
 */
public final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    private final Destination destination;

    /**
     * A pruner for one destination.
     *
     * @param destination where the plan's backups are; deleting them needs delete permission there
     */
    public Pruner(Destination destination) {
        this.destination = destination;
    }

    /**
     * Decides with {@code policy} and, unless {@code dryRun}, deletes the forgotten backups. Damaged backups
     * are kept and reported.
     *
     * @param plan the plan's name
     * @param policy which backups to keep
     * @param now the time the policy's ages and the holds' and storage locks' expiry are measured against
     * @param dryRun {@code true} to decide and report without deleting anything
     * @return one row per backup with what was decided and done; a delete that fails is reported, not thrown
     * @throws dev.planb.PlanBException when the destination cannot be listed
     */
    public PruneReport prune(String plan, RetentionPolicy policy, Instant now, boolean dryRun) {
        return prune(plan, policy, now, dryRun, false);
    }

    /**
     * Decides with {@code policy} and, unless {@code dryRun}, deletes the forgotten backups, and with
     * {@code includeDamaged} the damaged ones too.
     *
     * @param plan the plan's name
     * @param policy which intact backups to keep
     * @param now the time the policy's ages and the holds' and storage locks' expiry are measured against
     * @param dryRun {@code true} to decide and report without deleting anything
     * @param includeDamaged {@code true} to delete the damaged backups as well; {@code false} keeps them
     * @return one row per backup with what was decided and done; a delete that fails is reported, not thrown
     * @throws dev.planb.PlanBException when the destination cannot be listed
     */
    public PruneReport prune(String plan, RetentionPolicy policy, Instant now, boolean dryRun, boolean includeDamaged) {
        CatalogScan scan = new Catalog(destination).scan(plan);
        RetentionDecision decision = policy.decide(scan.backups(), now, new Holds(destination).list(plan));
        Set<String> present = new HashSet<>();
        decision.decisions().forEach(backup -> present.add(backup.backup().backupId()));
        List<PrunedBackup> rows = new ArrayList<>();
        for (BackupDecision backup : decision.decisions()) {
            rows.add(backup.keep() ? new PrunedBackup(backup.backup(), backup.reasons(), PruneOutcome.KEEP, "")
                    : forget(backup.backup(), why(backup.backup(), present), now, dryRun));
        }
        List<PrunedDamagedBackup> damaged = new ArrayList<>();
        for (DamagedBackup backup : scan.damaged()) {
            if (includeDamaged) {
                Forgotten outcome = delete(backup.plan(), backup.id(), now, dryRun);
                damaged.add(new PrunedDamagedBackup(backup, outcome.outcome(),
                        outcome.detail().isEmpty() ? "damaged: " + backup.reason() : outcome.detail()));
            } else {
                damaged.add(new PrunedDamagedBackup(backup, PruneOutcome.KEEP, "damaged, kept: a prune deletes damaged"
                        + " backups only when told to include them (planb prune --include-damaged)"));
            }
        }
        PruneReport report = new PruneReport(plan, destination.description(), dryRun, rows, damaged);
        if (!dryRun) {
            LOG.info("Pruned plan '{}' on {}: {} deleted, {} kept{}", plan, destination.description(),
                    report.deleted().size(), report.kept(),
                    report.problems().isEmpty() ? "" : ", not deleted: " + String.join("; ", report.problems()));
        }
        return report;
    }

    /** Why a forgotten log file goes, as the rules never name it; empty for other backups. */
    private static String why(Manifest backup, Set<String> present) {
        if (!backup.isLog()) {
            return "";
        }
        return present.contains(backup.parentId()) ? "log of " + backup.parentId()
                : "orphan log: its chain's first backup " + backup.parentId() + " is gone";
    }

    private PrunedBackup forget(Manifest backup, String why, Instant now, boolean dryRun) {
        Forgotten forgotten = delete(backup.plan(), backup.id(), now, dryRun);
        return row(backup, forgotten.outcome(), forgotten.detail().isEmpty() ? why : forgotten.detail());
    }

    /** Deletes a backup's files, manifest first; the detail is empty when all went as planned. */
    private Forgotten delete(String plan, BackupId id, Instant now, boolean dryRun) {
        if (!destination.canDelete()) {
            return new Forgotten(PruneOutcome.NOT_PERMITTED, "not permitted: " + destination.description()
                    + " refuses deletes; expire old backups with a lifecycle rule on the storage");
        }
        List<String> keys;
        Optional<Instant> retainedUntil;
        try {
            keys = filesOf(plan, id);
            retainedUntil = retainedUntil(keys, now);
        } catch (IOException | RuntimeException e) {
            return new Forgotten(PruneOutcome.FAILED, "cannot read " + destination.description() + ": "
                    + Messages.firstLine(e));
        }
        if (retainedUntil.isPresent()) {
            return new Forgotten(PruneOutcome.RETAINED, "retained until " + retainedUntil.get()
                    + " by the storage's lock; it will be deleted by a prune after that");
        }
        if (dryRun) {
            return new Forgotten(PruneOutcome.WOULD_DELETE, "");
        }
        String manifestKey = Layout.manifestKey(plan, id);
        try {
            destination.delete(manifestKey); // first: from now on the backup is not listed
        } catch (IOException | RuntimeException e) {
            return new Forgotten(PruneOutcome.FAILED, "cannot delete " + manifestKey + ": " + Messages.firstLine(e));
        }
        for (String key : keys) {
            if (!key.equals(manifestKey)) {
                try {
                    destination.delete(key);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Backup {} of plan '{}' is deleted, but {} remains on {}: {}", id, plan, key,
                            destination.description(), Messages.firstLine(e));
                }
            }
        }
        return new Forgotten(PruneOutcome.DELETED, "");
    }

    /** What deleting a backup did. */
    private record Forgotten(PruneOutcome outcome, String detail) {
    }

    private List<String> filesOf(String plan, BackupId id) throws IOException {
        List<String> keys = new ArrayList<>();
        for (StoredObject object : destination.list(Layout.backupFolder(plan, id))) {
            keys.add(object.key());
        }
        return keys;
    }

    private Optional<Instant> retainedUntil(List<String> keys, Instant now) throws IOException {
        Optional<Instant> latest = Optional.empty();
        for (String key : keys) {
            Optional<Instant> until = destination.retainedUntil(key).filter(time -> time.isAfter(now));
            if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
                latest = until;
            }
        }
        return latest;
    }

    private static PrunedBackup row(Manifest backup, PruneOutcome outcome, String detail) {
        return new PrunedBackup(backup, List.of(), outcome, detail);
    }
}
