/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.SampleDb;
import dev.planb.SlowEngine;
import dev.planb.spi.BackupId;
import dev.planb.catalog.DamagedBackup;
import dev.planb.spi.Manifest;
import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.StoredObject;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupProgress;
import dev.planb.event.BackupSkipped;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.Pruned;
import dev.planb.lock.LockFile;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanBRuntimeTest {

    @TempDir
    Path tmp;
    LocalDirectoryDestination destination;
    RecordingListener events = new RecordingListener();

    @BeforeEach
    void setUp() {
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
    }

    @Test
    void runsAMissedBackupAtStartThenEveryTick() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .schedule(Schedule.every(Duration.ofSeconds(1))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            assertThat(planb.plans()).containsExactly(plan);
            assertThat(planb.nextRun("app")).isPresent();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() >= 3);
        }

        List<BackupSucceeded> succeeded = events.of(BackupSucceeded.class);
        List<Manifest> stored = PlanB.catalog(destination).backups("app");
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stored).extracting(Manifest::backupId)
                .containsAll(succeeded.stream().map(event -> event.result().id().value()).toList());
        assertThat(events.of(BackupStarted.class)).hasSameSizeAs(succeeded);
        assertThat(events.of(BackupProgress.class)).isNotEmpty();
        assertThat(events.of(BackupFailed.class)).isEmpty();
        // The first run is the catch-up at start; each later one belongs to its own tick.
        assertThat(succeeded.stream().map(event -> event.result().id().time()).distinct()).hasSameSizeAs(succeeded);
    }

    @Test
    void retentionPrunesEachDestinationWithAPolicyAfterASuccessfulRun() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        LocalDirectoryDestination everything = new LocalDirectoryDestination(tmp.resolve("everything"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination, RetentionPolicy.builder().keepLast(2).build())
                .destination(everything)
                .schedule(Schedule.every(Duration.ofSeconds(1))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() >= 4);
        }

        List<BackupSucceeded> succeeded = events.of(BackupSucceeded.class);
        List<Pruned> pruned = events.of(Pruned.class);
        assertThat(pruned).hasSameSizeAs(succeeded).allSatisfy(event -> {
            assertThat(event.destination()).isEqualTo(destination.description());
            assertThat(event.problems()).isEmpty();
        });
        assertThat(pruned.stream().mapToInt(event -> event.deleted().size()).sum()).isEqualTo(succeeded.size() - 2);
        List<String> newestTwo = List.of(succeeded.get(succeeded.size() - 1).result().id().value(),
                succeeded.get(succeeded.size() - 2).result().id().value());
        assertThat(PlanB.catalog(destination).backups("app")).extracting(Manifest::backupId)
                .containsExactlyElementsOf(newestTwo);
        assertThat(PlanB.catalog(everything).backups("app")).hasSameSizeAs(succeeded);
    }

    @Test
    void retentionKeepsADamagedBackupAndTheRuntimeReportsIt() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan.Builder builder = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination, RetentionPolicy.builder().keepLast(1).build());
        BackupId made = PlanB.backup(builder.build()).id();
        BackupId damaged = new BackupId("20200101T000000Z-abcdef");
        Path folder = Files.move(destination.root().resolve("app").resolve(made.value()),
                destination.root().resolve("app").resolve(damaged.value()));
        Files.writeString(folder.resolve("manifest.json"), "{\"plan\": \"app\"");

        try (PlanB planb = PlanB.builder().plan(builder.schedule(Schedule.every(Duration.ofHours(1))).build())
                .listener(events).start()) {
            // Reported when the runtime reads the destination at start, and when retention after the run meets it.
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() == 1
                    && events.of(BackupDamaged.class).size() == 2);
        }

        assertThat(events.of(BackupDamaged.class)).allSatisfy(event -> {
            assertThat(event.backupId()).isEqualTo(damaged);
            assertThat(event.destination()).isEqualTo(destination.description());
            assertThat(event.reason()).contains("manifest.json is not valid JSON");
        });
        assertThat(folder.resolve("manifest.json")).exists();
        assertThat(PlanB.catalog(destination).scan("app").damaged()).extracting(DamagedBackup::id).containsExactly(damaged);
    }

    @Test
    void noCatchUpWhenTheNewestBackupIsRecentOrCatchUpIsOff() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan.Builder builder = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination);
        PlanB.backup(builder.build());

        try (PlanB planb = PlanB.builder().listener(events)
                .plan(builder.schedule(Schedule.every(Duration.ofHours(1))).build()).start()) {
            Thread.sleep(1500);
        }
        Path otherDb = tmp.resolve("other.db");
        SampleDb.create(otherDb);
        try (PlanB planb = PlanB.builder().listener(events).plan(BackupPlan.builder("other")
                .database(DatabaseSource.of(SampleDb.url(otherDb))).destination(destination)
                .schedule(Schedule.every(Duration.ofHours(1)).withoutCatchUp()).build()).start()) {
            Thread.sleep(1500);
        }

        assertThat(events.all()).isEmpty();
        assertThat(PlanB.catalog(destination).backups("app")).hasSize(1);
    }

    @Test
    void aBackupAskedForWhileTheStartUpCatchUpChecksIsNotLostWhenTheCheckMakesNone() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        // Listing the destination takes a while, as on a remote one: backupNow comes while the catch-up looks.
        Destination slowListing = new ForwardingDestination(destination) {
            @Override
            public List<StoredObject> list(String prefix) throws IOException {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.list(prefix);
            }
        };
        BackupPlan.Builder builder = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(slowListing);
        PlanB.backup(builder.build()); // recent: the catch-up makes no backup

        try (PlanB planb = PlanB.builder().listener(events)
                .plan(builder.schedule(Schedule.every(Duration.ofHours(1))).build()).start()) {
            assertThat(planb.backupNow("app")).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() == 1);
        }

        assertThat(events.of(BackupSkipped.class)).isEmpty();
        assertThat(PlanB.catalog(destination).backups("app")).hasSize(2);
    }

    @Test
    void aTickDuringARunIsSkippedAndReported() {
        BackupPlan plan = slowPlan("slow", 2500, Duration.ofMinutes(1), Schedule.every(Duration.ofSeconds(1)));

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() >= 2);
        }

        List<BackupSkipped> skipped = events.of(BackupSkipped.class);
        assertThat(skipped).isNotEmpty().allSatisfy(event -> {
            assertThat(event.reason()).isEqualTo(BackupSkipped.Reason.STILL_RUNNING);
            assertThat(event.message()).matches("the run for (the catch-up at start-up|the tick at \\S+Z) is still going");
        });
        assertThat(events.of(BackupFailed.class)).isEmpty();
    }

    @Test
    void aRunOverItsTimeoutIsStoppedReportedAndLeavesNothing() throws Exception {
        BackupPlan plan = slowPlan("hangs", 60_000, Duration.ofSeconds(1),
                Schedule.every(Duration.ofHours(1)));

        Instant before = Instant.now();
        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupFailed.class).isEmpty());
        }

        BackupFailed failed = events.of(BackupFailed.class).get(0);
        assertThat(failed.code()).isEqualTo(ErrorCode.TIMED_OUT);
        assertThat(failed.message()).matches("Backup \\S+ of plan 'hangs' timed out after 1s: it was stopped and left"
                + " no backup; raise the plan's timeout if the database needs longer");
        assertThat(failed.duration()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(events.of(BackupSucceeded.class)).isEmpty();
        assertThat(PlanB.catalog(destination).backups()).isEmpty();
        assertThat(visibleFiles(tmp.resolve("backups"))).isEmpty();
    }

    @Test
    void closeStopsARunningBackupWhichLeavesNothing() throws Exception {
        BackupPlan plan = slowPlan("long", 60_000, Duration.ofHours(1), Schedule.every(Duration.ofHours(1)));

        PlanB planb = PlanB.builder().plan(plan).listener(events).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupStarted.class).isEmpty());
        Thread.sleep(300);
        long start = System.nanoTime();
        planb.close();
        planb.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(events.of(BackupFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.code()).isEqualTo(ErrorCode.CANCELLED);
            assertThat(failed.message()).isEqualTo("Backup of plan 'long' was stopped because PlanB is shutting down:"
                    + " it left no backup");
        });
        assertThat(PlanB.catalog(destination).backups()).isEmpty();
        assertThat(visibleFiles(tmp.resolve("backups"))).isEmpty();
        assertThat(planb.nextRun("long")).isEmpty();
    }

    @Test
    void closeWithAGraceLetsARunningBackupFinish() throws Exception {
        BackupPlan plan = slowPlan("short", 1_500, Duration.ofHours(1), Schedule.every(Duration.ofHours(1)));

        PlanB planb = PlanB.builder().plan(plan).listener(events).shutdownGrace(Duration.ofSeconds(60)).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupStarted.class).isEmpty());
        planb.close();

        assertThat(events.of(BackupSucceeded.class)).hasSize(1);
        assertThat(events.of(BackupFailed.class)).isEmpty();
        assertThat(PlanB.catalog(destination).backups("short")).hasSize(1);
        assertThat(planb.nextRun("short")).isEmpty();
    }

    @Test
    void closeWithAGraceCancelsABackupStillRunningAfterIt() throws Exception {
        BackupPlan plan = slowPlan("long", 60_000, Duration.ofHours(1), Schedule.every(Duration.ofHours(1)));

        PlanB planb = PlanB.builder().plan(plan).listener(events).shutdownGrace(Duration.ofMillis(300)).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupStarted.class).isEmpty());
        planb.close();

        assertThat(events.of(BackupFailed.class)).singleElement()
                .satisfies(failed -> assertThat(failed.code()).isEqualTo(ErrorCode.CANCELLED));
        assertThat(PlanB.catalog(destination).backups()).isEmpty();
        assertThat(visibleFiles(tmp.resolve("backups"))).isEmpty();
    }

    @Test
    void aBuiltRuntimeRunsNothingUntilStarted() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .schedule(Schedule.every(Duration.ofHours(1))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).build()) {
            assertThat(planb.plans()).containsExactly(plan);
            assertThat(planb.nextRun("app")).isEmpty();
            assertThat(planb.status("app")).isPresent();

            assertThat(planb.start()).isSameAs(planb.start());
            assertThat(planb.nextRun("app")).isPresent();
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(BackupSucceeded.class).size() == 1);
        }
        assertThat(events.of(BackupStarted.class)).hasSize(1);
    }

    @Test
    void theInjectedClockDecidesWhenACronTickIsDue() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        // A clock on which 03:00:00 UTC is 1.5 s away.
        Instant now = Instant.now();
        Instant threeAm = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)).plus(Duration.ofHours(3));
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(now, threeAm.minusMillis(1500)));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .schedule(Schedule.cron("0 0 3 * * *").withoutCatchUp()).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).clock(clock).start()) {
            assertThat(planb.nextRun("app")).contains(threeAm);
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupSucceeded.class).isEmpty());
        }

        BackupSucceeded succeeded = events.of(BackupSucceeded.class).get(0);
        assertThat(succeeded.result().id().time()).isEqualTo(threeAm);
        assertThat(succeeded.time()).isBetween(threeAm, threeAm.plusSeconds(5));
    }

    @Test
    void aFailingListenerNeverStopsTheRuntime() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .schedule(Schedule.every(Duration.ofHours(1))).build();

        try (PlanB planb = PlanB.builder().plan(plan).listener(event -> {
            throw new IllegalStateException("listener bug");
        }).listener(events).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(BackupSucceeded.class).isEmpty());
        }
        assertThat(PlanB.catalog(destination).backups("app")).hasSize(1);
    }

    @Test
    void startRejectsPlansWithoutScheduleAndDuplicates() {
        BackupPlan unscheduled = BackupPlan.builder("app").database(SlowEngine.taking(1)).destination(destination).build();
        assertThatThrownBy(() -> PlanB.builder().plan(unscheduled).start()).isInstanceOf(PlanBException.class)
                .hasMessageStartingWith("Plan 'app' has no schedule: set one with schedule(");
        BackupPlan scheduled = slowPlan("app", 1, Duration.ofMinutes(1), Schedule.every(Duration.ofHours(1)));
        assertThatThrownBy(() -> PlanB.builder().plan(scheduled).plan(scheduled).start())
                .hasMessage("Plan 'app' is added twice: give each plan its own name");
        assertThatThrownBy(() -> PlanB.builder().threads(0).start()).hasMessageContaining("threads is 0");
    }

    @Test
    void planTimeoutMustBePositiveAndDefaultsToFourHours() {
        assertThat(BackupPlan.builder("app").database(SlowEngine.taking(1)).destination(destination).build().timeout())
                .isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> BackupPlan.builder("app").database(SlowEngine.taking(1)).destination(destination)
                .timeout(Duration.ZERO).build()).hasMessage("Plan 'app' timeout PT0S must be positive, e.g. timeout(Duration.ofHours(1))");
    }

    private BackupPlan slowPlan(String name, long dumpMillis, Duration timeout, Schedule schedule) {
        return BackupPlan.builder(name).database(SlowEngine.taking(dumpMillis)).destination(destination)
                .timeout(timeout).schedule(schedule).lock(new LockFile(tmp.resolve("locks"))).build();
    }

    /** Files a listing shows: hidden partial files are not part of any backup. */
    static List<Path> visibleFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .toList();
        }
    }
}
