/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.history;

import dev.planb.catalog.Catalog;
import dev.planb.change.ChangeDetector;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.change.TableChange;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.TableCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent backups of a plan on one destination, as status pages chart them: per backup its size, duration, every
 * table's row count, the destructive changes against the backup before it, and its holds. Read from the manifests and
 * hold objects alone, so any host can draw it.
 *
 * <pre>{@code
 * List<PlanHistory.Entry> history = PlanHistory.read(destination, "app", 30, plan.destructiveChange(), Instant.now());
 * }</pre>
 */
public final class PlanHistory {

    private PlanHistory() {
    }

    /**
     * One backup of the history.
     *
     * @param id the backup's id
     * @param startedAt when it started
     * @param duration how long it took
     * @param storedBytes bytes stored
     * @param tables every table with its rows
     * @param destructiveChanges the tables it lost against the backup before it (by the policy given); empty when none
     * @param holds the holds on it, active or not
     */
    public record Entry(BackupId id, Instant startedAt, Duration duration, long storedBytes, List<TableCount> tables,
            List<TableChange> destructiveChanges, List<Hold> holds) {

        /**
         * Copies the lists.
         *
         * @param id the backup's id
         * @param startedAt when it started
         * @param duration how long it took
         * @param storedBytes bytes stored
         * @param tables every table with its rows
         * @param destructiveChanges the tables it lost against the backup before it; empty when none
         * @param holds the holds on it, active or not
         */
        public Entry {
            tables = List.copyOf(tables);
            destructiveChanges = List.copyOf(destructiveChanges);
            holds = List.copyOf(holds);
        }

        /**
         * {@return whether an active hold keeps this backup at that instant}
         *
         * @param now the instant to check the holds' expiry against
         */
        public boolean isHeld(Instant now) {
            return holds.stream().anyMatch(hold -> hold.isActive(now));
        }
    }

    /**
     * By start time, as the catalog orders backups: ids have whole seconds, and the random part of two taken within
     * one second says nothing of their order.
     */
    private static final Comparator<Manifest> NEWEST_FIRST = Comparator.comparing(Manifest::startedAt)
            .thenComparing(Manifest::backupId).reversed();

    /**
     * The {@code limit} newest dumps of {@code plan} on {@code destination}, oldest first (as a chart's x axis runs).
     * Reads one manifest more than {@code limit} (the oldest shown is compared with the one before it), not every
     * manifest of the plan.
     *
     * @param destination where the plan's backups are stored
     * @param plan the plan's name
     * @param limit how many of the newest dumps to return, at most
     * @param policy what counts as a destructive change between two neighbouring backups
     * @return up to {@code limit} entries, oldest first; empty when the plan has no dump there
     * @throws dev.planb.PlanBException when the destination cannot be listed
     */
    public static List<Entry> read(Destination destination, String plan, int limit, DestructiveChangePolicy policy) {
        List<Manifest> dumps = new ArrayList<>(new Catalog(destination).newest(plan, limit + 1, Manifest::isDump));
        dumps.sort(NEWEST_FIRST);
        List<Hold> holds = new Holds(destination).list(plan);
        ChangeDetector detector = new ChangeDetector(policy);
        int count = Math.min(limit, dumps.size());
        List<Entry> entries = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            Manifest backup = dumps.get(i);
            List<TableChange> changes = i + 1 < dumps.size() ? detector.compare(dumps.get(i + 1), backup) : List.of();
            entries.add(new Entry(backup.id(), backup.startedAt(), backup.duration(), backup.storedBytes(),
                    backup.tables(), changes, holds.stream().filter(hold -> hold.backupId().equals(backup.id())).toList()));
        }
        return entries;
    }
}
