/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import static dev.planb.retention.Histories.PLAN;
import static dev.planb.retention.Histories.backup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.PlanB;
import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final RetentionPolicy KEEP_TWO = RetentionPolicy.builder().keepLast(2).build();

    @TempDir
    Path tmp;
    LocalDirectoryDestination local;
    List<Manifest> history;

    @BeforeEach
    void storeFourBackups() throws IOException {
        local = new LocalDirectoryDestination(tmp);
        history = List.of(backup("2026-11-25T11:00:00Z"), backup("2026-11-25T10:00:00Z"),
                backup("2026-11-25T09:00:00Z"), backup("2026-11-25T08:00:00Z"));
        for (Manifest manifest : history) {
            Histories.store(local, manifest);
        }
    }

    @Test
    void deletesTheForgottenBackupsCompletelyAndKeepsTheRest() throws IOException {
        PruneReport report = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.DELETED, PruneOutcome.DELETED);
        assertThat(report.deleted()).containsExactly(history.get(2).id(), history.get(3).id());
        assertThat(report.kept()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1));
        assertThat(local.list(Layout.backupFolder(PLAN, history.get(2).id()))).isEmpty();
        assertThat(local.list(Layout.backupFolder(PLAN, history.get(0).id()))).hasSize(3);

        PruneReport again = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, false);
        assertThat(again.deleted()).isEmpty();
        assertThat(again.kept()).isEqualTo(2);
    }

    @Test
    void aDryRunDeletesNothing() {
        PruneReport report = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.WOULD_DELETE, PruneOutcome.WOULD_DELETE);
        assertThat(report.backups().get(0).reasons()).containsExactly("newest", "last #1");
        assertThat(PlanB.catalog(local).backups(PLAN)).hasSize(4);
    }

    @Test
    void theManifestGoesFirstSoAHalfDeletedBackupIsNeverListed() {
        List<String> deletes = new ArrayList<>();
        Destination failsAfterFirstDelete = new ForwardingDestination(local) {
            @Override
            public void delete(String key) throws IOException {
                deletes.add(key);
                if (deletes.size() > 1) {
                    throw new IOException("disk went away");
                }
                super.delete(key);
            }
        };

        PruneReport report = new Pruner(failsAfterFirstDelete).prune(PLAN, RetentionPolicy.builder().keepLast(3).build(),
                NOW, false);

        assertThat(deletes.get(0)).isEqualTo(Layout.manifestKey(PLAN, history.get(3).id()));
        assertThat(report.deleted()).containsExactly(history.get(3).id());
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1), history.get(2));
    }

    @Test
    void aDestinationThatCannotDeleteSaysSoAndKeepsEverything() {
        Destination writeOnly = new ForwardingDestination(local) {
            @Override
            public boolean canDelete() {
                return false;
            }

            @Override
            public void delete(String key) {
                throw new AssertionError("must not be called");
            }
        };

        PruneReport report = new Pruner(writeOnly).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.NOT_PERMITTED, PruneOutcome.NOT_PERMITTED);
        assertThat(report.problems()).hasSize(2).allMatch(problem -> problem.endsWith(": not permitted: "
                + local.description() + " refuses deletes; expire old backups with a lifecycle rule on the storage"));
        assertThat(PlanB.catalog(local).backups(PLAN)).hasSize(4);
    }

    @Test
    void aBackupUnderLockIsRetainedUntilItsLockEnds() {
        Instant lockedUntil = NOW.plusSeconds(86400);
        String lockedArtifact = Layout.key(PLAN, history.get(3).id(), "database.sqlite.zst");
        Destination locking = new ForwardingDestination(local) {
            @Override
            public Optional<Instant> retainedUntil(String key) {
                if (key.equals(lockedArtifact)) {
                    return Optional.of(lockedUntil);
                }
                // Locks that have expired do not count.
                return Optional.of(NOW.minusSeconds(1));
            }
        };

        PruneReport report = new Pruner(locking).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.DELETED, PruneOutcome.RETAINED);
        assertThat(report.backups().get(3).detail()).isEqualTo("retained until " + lockedUntil
                + " by the storage's lock; it will be deleted by a prune after that");
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1), history.get(3));
    }

    @Test
    void forgettingAChainStartDeletesItsLogFilesFirstAndOrphansGoToo() throws IOException {
        Path chains = tmp.resolve("chains");
        LocalDirectoryDestination dest = new LocalDirectoryDestination(chains);
        Manifest base1 = Histories.base("2026-11-23T00:00:00Z", "000000010000000000000001");
        Manifest base2 = Histories.base("2026-11-24T00:00:00Z", "000000010000000000000010");
        Manifest base3 = Histories.base("2026-11-25T00:00:00Z", "000000010000000000000020");
        Manifest gone = Histories.base("2026-11-22T00:00:00Z", "000000010000000000000000");
        List<Manifest> logs = new ArrayList<>();
        for (Manifest base : List.of(base1, base2, base3)) {
            Instant start = base.startedAt();
            String first = base.log().file();
            logs.add(Histories.log(start.plusSeconds(30).toString(), base, first, true));
            logs.add(Histories.log(start.plusSeconds(60).toString(), base, first, false));
            logs.add(Histories.log(start.plusSeconds(90).toString(), base, first.substring(0, 23) + "2", false));
        }
        Manifest orphan = Histories.log("2026-11-22T00:00:30Z", gone, "000000010000000000000000", false);
        for (Manifest manifest : concat(List.of(base1, base2, base3, orphan), logs)) {
            Histories.store(dest, manifest);
        }
        List<String> deletes = new ArrayList<>();
        Destination recording = new ForwardingDestination(dest) {
            @Override
            public void delete(String key) throws IOException {
                deletes.add(key);
                super.delete(key);
            }
        };

        PruneReport dryRun = new Pruner(recording).prune(PLAN, KEEP_TWO, NOW, true);
        PruneReport report = new Pruner(recording).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(dryRun.backups()).filteredOn(row -> row.outcome() == PruneOutcome.WOULD_DELETE)
                .extracting(PrunedBackup::detail).containsExactly("log of " + base1.backupId(),
                        "log of " + base1.backupId(), "log of " + base1.backupId(), "",
                        "orphan log: its chain's first backup " + gone.backupId() + " is gone");
        assertThat(report.deleted()).containsExactly(logs.get(2).id(), logs.get(1).id(), logs.get(0).id(), base1.id(),
                orphan.id());
        assertThat(report.problems()).isEmpty();
        assertThat(report.kept()).isEqualTo(8);
        assertThat(deletes.indexOf(Layout.manifestKey(PLAN, logs.get(0).id())))
                .isLessThan(deletes.indexOf(Layout.manifestKey(PLAN, base1.id())));
        assertThat(PlanB.catalog(dest).backups(PLAN)).extracting(Manifest::id).containsExactlyInAnyOrder(base2.id(),
                base3.id(), logs.get(3).id(), logs.get(4).id(), logs.get(5).id(), logs.get(6).id(), logs.get(7).id(),
                logs.get(8).id());
        assertThat(new Pruner(dest).prune(PLAN, KEEP_TWO, NOW, false).deleted()).isEmpty();
    }

    private static List<Manifest> concat(List<Manifest> a, List<Manifest> b) {
        List<Manifest> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
