/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import static dev.planb.retention.Histories.PLAN;
import static dev.planb.retention.Histories.backup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.MutableClock;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.change.TableChange;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds on a real local destination: written once, honoured by the pruner, released by a new object. */
class HoldsPruneTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final RetentionPolicy KEEP_ONE = RetentionPolicy.builder().keepLast(1).build();

    @TempDir
    Path tmp;
    LocalDirectoryDestination local;
    MutableClock clock;
    List<Manifest> history;

    @BeforeEach
    void storeThreeBackups() throws IOException {
        local = new LocalDirectoryDestination(tmp);
        clock = new MutableClock(NOW);
        history = List.of(backup("2026-11-25T11:00:00Z"), backup("2026-11-25T10:00:00Z"), backup("2026-11-25T09:00:00Z"));
        for (Manifest manifest : history) {
            Histories.store(local, manifest);
        }
    }

    @Test
    void aHeldBackupSurvivesKeepLastOneUntilItsHoldIsReleased() {
        Manifest held = history.get(1);
        Hold hold = new Holds(local, clock).place(PLAN, held.id(), "before the 2.0 deploy", NOW.plus(Duration.ofDays(30)));

        PruneReport report = new Pruner(local).prune(PLAN, KEEP_ONE, NOW, false);

        assertThat(report.deleted()).containsExactly(history.get(2).id());
        assertThat(report.backups().get(1).reasons()).containsExactly(hold.describe());
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), held);

        clock.advance(Duration.ofHours(1));
        List<Hold> released = new Holds(local, clock).release(PLAN, held.id(), "deploy went fine");

        assertThat(released).singleElement().satisfies(one -> assertThat(one.releasedAt()).contains(NOW.plusSeconds(3600)));
        assertThat(new Holds(local, clock).list(PLAN)).singleElement()
                .satisfies(one -> assertThat(one.state(clock.instant())).isEqualTo(Hold.State.RELEASED));
        assertThat(new Pruner(local).prune(PLAN, KEEP_ONE, clock.instant(), false).deleted()).containsExactly(held.id());
    }

    @Test
    void holdsAreWrittenOnceAndNeverRewrittenOrDeletedByARelease() throws IOException {
        Holds holds = new Holds(local, clock);
        Hold hold = holds.place(PLAN, history.get(1).id(), "audit", NOW.plus(Duration.ofDays(1)));
        String holdKey = Layout.holdKey(PLAN, history.get(1).id(), hold.id());
        byte[] before = local.open(holdKey).readAllBytes();

        holds.release(PLAN, history.get(1).id(), "");

        assertThat(local.open(holdKey).readAllBytes()).isEqualTo(before);
        assertThat(local.list(Layout.backupFolder(PLAN, history.get(1).id()))).extracting(StoredObject::key)
                .contains(holdKey, Layout.releaseKey(PLAN, history.get(1).id(), hold.id()));
        assertThat(new String(before, StandardCharsets.UTF_8)).contains("\"reason\" : \"audit\"")
                .contains("\"expiresAt\" : \"2026-11-26T12:00:00Z\"");
    }

    @Test
    void anExpiredHoldNoLongerKeepsItsBackup() {
        new Holds(local, clock).place(PLAN, history.get(2).id(), "short", NOW.plus(Duration.ofHours(1)));

        assertThat(new Pruner(local).prune(PLAN, KEEP_ONE, NOW, false).deleted()).containsExactly(history.get(1).id());
        Instant later = NOW.plus(Duration.ofHours(2));
        assertThat(new Holds(local, clock).list(PLAN).get(0).state(later)).isEqualTo(Hold.State.EXPIRED);
        assertThat(new Pruner(local).prune(PLAN, KEEP_ONE, later, false).deleted()).containsExactly(history.get(2).id());
    }

    @Test
    void anUnreadableHoldStillHoldsItsBackupUntilReleased() throws IOException {
        BackupId holdId = BackupId.generate(NOW);
        try (ObjectWriter writer = local.create(Layout.holdKey(PLAN, history.get(2).id(), holdId))) {
            writer.write("{ cut sh".getBytes(StandardCharsets.UTF_8));
            writer.commit();
        }

        assertThat(new Pruner(local).prune(PLAN, KEEP_ONE, NOW.plus(Duration.ofDays(3650)), false).deleted())
                .containsExactly(history.get(1).id());
        assertThat(new Holds(local, clock).list(PLAN)).singleElement()
                .satisfies(hold -> assertThat(hold.reason()).startsWith("unreadable hold object"));

        new Holds(local, clock).release(PLAN, history.get(2).id(), "");
        assertThat(new Pruner(local).prune(PLAN, KEEP_ONE, NOW, false).deleted()).containsExactly(history.get(2).id());
    }

    @Test
    void aHoldForADestructiveChangeRecordsTheTables() {
        List<TableChange> changes = List.of(new TableChange("orders", 5000, 3, false), new TableChange("items", 70, 0, true));
        new Holds(local, clock).placeForChange(PLAN, history.get(1).id(), history.get(0).id(), changes,
                NOW.plus(Duration.ofDays(30)));

        Hold read = new Holds(local, clock).active(PLAN, NOW).get(0);
        assertThat(read.changedIn()).contains(history.get(0).id());
        assertThat(read.changes()).isEqualTo(changes);
        assertThat(read.reason()).contains("orders: 5000 -> 3 rows (-99.9%)").contains("items: 70 rows -> DROPPED");
    }

    @Test
    void refusesAHoldOnAMissingBackupAPastExpiryOrNoReasonAndAReleaseWithoutHold() {
        Holds holds = new Holds(local, clock);
        BackupId missing = BackupId.generate(NOW);

        assertThatThrownBy(() -> holds.place(PLAN, missing, "x", NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
        assertThatThrownBy(() -> holds.place(PLAN, history.get(0).id(), "x", NOW))
                .hasMessageContaining("not in the future").hasMessageContaining("--expires");
        assertThatThrownBy(() -> holds.place(PLAN, history.get(0).id(), " ", NOW.plusSeconds(60)))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> holds.release(PLAN, history.get(0).id(), ""))
                .hasMessageContaining("has no active hold");
    }
}
