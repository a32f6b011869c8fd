/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.SlowEngine;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupSkipped;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.lock.LockFile;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanLock;
import dev.planb.status.BackupSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PlanB#backupAndWait}: a labelled backup asked for by the application, e.g. before its migrations. */
class LabelledBackupTest {

    @TempDir
    Path tmp;
    RecordingListener events = new RecordingListener();

    @Test
    void waitsForTheRunGoingThenStoresItsOwnBackupWithTheLabel() {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        // No backup yet: the catch-up at start-up runs at once and takes 1.5 s.
        BackupPlan plan = BackupPlan.builder("app").database(SlowEngine.taking(1500)).destination(destination)
                .schedule(Schedule.every(Duration.ofHours(1))).lock(new LockFile(tmp.resolve("locks"))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupStarted.class).isEmpty());
            BackupResult labelled = planb.backupAndWait("app", "before V2__add_orders, V3__drop_legacy");

            assertThat(labelled.manifest().label()).isEqualTo("before V2__add_orders, V3__drop_legacy");
            assertThat(events.of(BackupSucceeded.class)).hasSize(2);
            assertThat(events.of(BackupSkipped.class)).isEmpty();
            assertThat(planb.status("app").orElseThrow().lastSuccess()).map(BackupSummary::label)
                    .contains("before V2__add_orders, V3__drop_legacy");
        }
        List<Manifest> stored = PlanB.catalog(destination).backups("app");
        assertThat(stored).extracting(Manifest::label).containsExactly("before V2__add_orders, V3__drop_legacy", null);
    }

    @Test
    void aFailedBackupThrowsItsCauseAndIsReported() {
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:planbtest:fail-after=100"))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups")))
                .schedule(Schedule.every(Duration.ofHours(1)).withoutCatchUp()).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            assertThatThrownBy(() -> planb.backupAndWait("app", "before V2__x"))
                    .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUMP_FAILED))
                    .hasMessageContaining("simulated disk failure in the dump");
        }
        assertThat(events.of(BackupFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.message()).contains("simulated disk failure in the dump"));
    }

    @Test
    void waitsForAnotherInstanceToReleaseThePlansLockInsteadOfSkipping() throws Exception {
        HeldElsewhere lock = new HeldElsewhere();
        BackupPlan plan = BackupPlan.builder("app").database(SlowEngine.taking(10))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups")))
                .schedule(Schedule.every(Duration.ofHours(1)).withoutCatchUp()).lock(lock).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            CompletableFuture<BackupResult> labelled = CompletableFuture.supplyAsync(
                    () -> planb.backupAndWait("app", "before V2__x"));
            await().atMost(Duration.ofSeconds(10)).until(() -> lock.attempts.get() >= 2);
            assertThat(labelled).isNotDone();

            lock.held.set(false);
            assertThat(labelled.get(10, TimeUnit.SECONDS).manifest().label()).isEqualTo("before V2__x");
        }
        assertThat(events.of(BackupSkipped.class)).isEmpty();
    }

    @Test
    void rejectsAnUnknownPlanAndALabelThatIsNotOneLine() {
        BackupPlan plan = BackupPlan.builder("app").database(SlowEngine.taking(10))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups")))
                .schedule(Schedule.every(Duration.ofHours(1)).withoutCatchUp()).build();

        try (PlanB planb = PlanB.builder().plan(plan).start()) {
            assertThatThrownBy(() -> planb.backupAndWait("billing", "before V2__x"))
                    .isInstanceOf(PlanBException.class).hasMessage("No plan 'billing' in this PlanB runtime; its plans"
                            + " are [app]");
            assertThatThrownBy(() -> planb.backupAndWait("app", "before\nV2__x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line of text");
            planb.close();
            assertThatThrownBy(() -> planb.backupAndWait("app", "before V2__x"))
                    .isInstanceOf(PlanBException.class).hasMessageContaining("PlanB is shutting down");
        }
        assertThat(PlanB.catalog(new LocalDirectoryDestination(tmp.resolve("backups"))).backups()).isEmpty();
    }

    /** The plan's lock as another instance holds it, until {@code held} is cleared. */
    static final class HeldElsewhere implements PlanLock {

        final AtomicBoolean held = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public Optional<Lease> tryAcquire(String plan) {
            attempts.incrementAndGet();
            return held.get() ? Optional.empty() : Optional.of(() -> { });
        }

        @Override
        public String description() {
            return "lock held by another instance";
        }
    }
}
