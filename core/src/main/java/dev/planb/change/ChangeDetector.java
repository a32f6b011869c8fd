/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.change;

import dev.planb.catalog.Catalog;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the tables and row counts of a backup with those of the plan's previous good backup (the
 * newest older intact dump), under a {@link DestructiveChangePolicy}. Pure but for {@link
 * #previous(Catalog, Manifest)}, which reads the catalog.
 *
 * <pre>{@code
 * List<TableChange> damage = new ChangeDetector(policy).compare(previous, latest);
 * }</pre>
 */
public final class ChangeDetector {

    private final DestructiveChangePolicy policy;

    /**
     * A detector that judges with {@code policy}.
     *
     * @param policy when a change counts as destructive; {@link DestructiveChangePolicy#off()} finds none
     */
    public ChangeDetector(DestructiveChangePolicy policy) {
        this.policy = policy;
    }

    /**
     * The destructive changes from {@code before} to {@code after}, in {@code before}'s table order; empty
     * when there is none, the policy is off, or either is not a dump.
     *
     * @param before the earlier backup, usually {@link #previous(Catalog, Manifest)} of {@code after}
     * @param after the later backup
     * @return the tables that were dropped or lost more rows than their threshold allows
     */
    public List<TableChange> compare(Manifest before, Manifest after) {
        if (!policy.enabled() || !before.isDump() || !after.isDump()) {
            return List.of();
        }
        Map<String, Long> now = new LinkedHashMap<>();
        for (TableCount table : after.tables()) {
            now.put(table.table().toLowerCase(Locale.ROOT), table.rows());
        }
        List<TableChange> changes = new ArrayList<>();
        for (TableCount table : before.tables()) {
            policy.judge(table.table(), table.rows(), Optional.ofNullable(now.get(table.table().toLowerCase(Locale.ROOT))))
                    .ifPresent(changes::add);
        }
        return changes;
    }

    /**
     * The previous good backup of {@code latest}'s plan on a catalog: the newest intact dump that is older
     * than it (damaged backups are never read as good).
     *
     * @param catalog the catalog of the destination that holds the plan's backups
     * @param latest the backup to compare; its plan names the backups looked at
     * @return the previous good backup, or empty when {@code latest} is the plan's first dump
     */
    public static Optional<Manifest> previous(Catalog catalog, Manifest latest) {
        // Newest first until one is accepted: one manifest read per newer log file, not one per backup.
        return catalog.newest(latest.plan(), backup -> isPreviousDump(backup, latest));
    }

    /**
     * The previous good backup of {@code latest} among {@code backups}: the first dump older than it.
     *
     * @param backups the plan's backups, newest first, as a catalog lists them
     * @param latest the backup to compare
     * @return the previous good backup, or empty when there is no older dump
     */
    public static Optional<Manifest> previous(List<Manifest> backups, Manifest latest) {
        return backups.stream().filter(backup -> isPreviousDump(backup, latest)).findFirst();
    }

    private static boolean isPreviousDump(Manifest backup, Manifest latest) {
        return backup.isDump() && (backup.startedAt().isBefore(latest.startedAt())
                || backup.startedAt().equals(latest.startedAt()) && backup.id().compareTo(latest.id()) < 0);
    }
}
