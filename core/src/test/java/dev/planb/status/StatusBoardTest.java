/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.DestinationResult;
import dev.planb.ErrorCode;
import dev.planb.MutableClock;
import dev.planb.PlanB;
import dev.planb.Progress;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupProgress;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestinationFailed;
import dev.planb.event.VerificationFailed;
import dev.planb.schedule.Schedule;
import dev.planb.status.page.PlanReports;
import dev.planb.status.page.StatusPage;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRecord;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusBoardTest {

    @TempDir
    Path tmp;
    LocalDirectoryDestination local;
    LocalDirectoryDestination offsite;
    BackupPlan.Builder plan;

    @BeforeEach
    void createDatabase() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        local = new LocalDirectoryDestination(tmp.resolve("local"));
        offsite = new LocalDirectoryDestination(tmp.resolve("offsite"));
        plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).maxAge(Duration.ofHours(26));
    }

    @Test
    void aRestartedBoardKnowsTheNewestBackupOnEachDestination() {
        BackupResult both = PlanB.backup(plan.destination(local).destination(offsite).build());
        BackupResult localOnly = PlanB.backup(BackupPlan.builder("app").database(plan.build().database())
                .destination(local).build());
        MutableClock clock = new MutableClock(localOnly.manifest().finishedAt().plusSeconds(60));

        StatusBoard board = new StatusBoard(clock);
        board.track(plan.build());

        PlanStatus status = board.status("app").orElseThrow();
        assertThat(status.state()).isEqualTo(PlanState.IDLE);
        assertThat(status.lastSuccess()).contains(new BackupSummary(localOnly.manifest().finishedAt(), localOnly.id(),
                localOnly.manifest().storedBytes()));
        assertThat(status.maxAge()).contains(Duration.ofHours(26));
        assertThat(status.age(clock.instant())).contains(Duration.ofSeconds(60));
        assertThat(status.lastFailure()).isEmpty();
        assertThat(status.destinations()).extracting(DestinationStatus::destination)
                .containsExactly(local.description(), offsite.description());
        assertThat(status.destinations().get(0).lastSuccess().orElseThrow().id()).isEqualTo(localOnly.id());
        assertThat(status.destinations().get(1).lastSuccess().orElseThrow().id()).isEqualTo(both.id());
    }

    @Test
    void aRestartedBoardKnowsTheLastVerificationStoredBesideTheBackups() {
        BackupPlan localOnly = plan.destination(local).build();
        BackupResult drilled = PlanB.backup(localOnly);
        VerificationResult passed = new RestoreVerifier(local).verify(VerificationRequest.builder().plan("app")
                .restoreInto(DatabaseSource.of(SampleDb.url(tmp.resolve("drill.db"))), true).build());
        assertThat(passed.passed()).isTrue();

        StatusBoard restarted = new StatusBoard(new MutableClock(Instant.now()));
        restarted.track(localOnly);

        VerificationSummary last = restarted.status("app").orElseThrow().lastVerification().orElseThrow();
        assertThat(last.passed()).isTrue();
        assertThat(last.id()).isEqualTo(drilled.id());
        assertThat(last.time()).isEqualTo(passed.finishedAt());
        assertThat(last.recovery()).contains(Duration.ofMillis(passed.recoveryTime().toMillis()));
        try (PlanB runtime = PlanB.builder().plan(plan.schedule(Schedule.every(Duration.ofDays(1))).build()).build()) {
            assertThat(new StatusPage(new PlanReports(runtime, Clock.systemUTC())).render()).as("the status page")
                    .contains("<th>Last verification</th><td>" + passed.finishedAt() + ": passed, recovery time ");
        }

        BackupResult newer = PlanB.backup(localOnly);
        VerificationRecord failed = new VerificationRecord(VerificationRecord.FORMAT_VERSION, "app", newer.id().value(),
                passed.finishedAt().plusSeconds(60), passed.finishedAt().plusSeconds(61), false, null, null, List.of(),
                List.of(), Map.of(), List.of(), List.of("checksum mismatch in dump.sqlite.zst"), "test");
        new VerificationLog(offsite).write(failed);
        StatusBoard both = new StatusBoard(new MutableClock(Instant.now()));
        both.track(plan.destination(offsite).build());

        PlanStatus status = both.status("app").orElseThrow();
        assertThat(status.lastVerification()).as("the newest over both destinations")
                .contains(new VerificationSummary(failed.finishedAt(), newer.id(), failed.problems(), null));
        assertThat(status.needsAttention()).as("a failed drill still needs attention after a restart").isTrue();
    }

    @Test
    void anUnreadableDestinationIsItsLastFailureAndTheOthersAreStillRead() throws Exception {
        BackupResult stored = PlanB.backup(plan.destination(local).build());
        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "x");
        LocalDirectoryDestination broken = new LocalDirectoryDestination(notAFolder);

        StatusBoard board = new StatusBoard(new MutableClock(Instant.now()));
        board.track(plan.destination(broken).build());

        PlanStatus status = board.status("app").orElseThrow();
        assertThat(status.lastSuccess().orElseThrow().id()).isEqualTo(stored.id());
        DestinationStatus unreadable = status.destinations().get(1);
        assertThat(unreadable.lastSuccess()).isEmpty();
        assertThat(unreadable.lastFailure().orElseThrow().message()).startsWith("Cannot list " + broken.description());
    }

    @Test
    void aDamagedNewestManifestMarksThePlanDamagedWithTheNewestIntactBackupAsLastSuccess() throws Exception {
        BackupResult older = PlanB.backup(plan.destination(local).build());
        BackupResult newer = PlanB.backup(plan.build());
        Files.writeString(tmp.resolve("local/app").resolve(newer.id().value()).resolve("manifest.json"), "{ damaged");

        StatusBoard board = new StatusBoard(new MutableClock(Instant.now()));
        board.track(plan.build());

        PlanStatus status = board.status("app").orElseThrow();
        assertThat(status.lastSuccess().orElseThrow().id()).isEqualTo(older.id());
        assertThat(status.state()).isEqualTo(PlanState.DAMAGED);
        assertThat(status.newestDamaged()).singleElement().satisfies(damaged -> {
            assertThat(damaged.id()).isEqualTo(newer.id());
            assertThat(damaged.reason()).startsWith("is not valid JSON");
        });
    }

    @Test
    void followsTheEventsOfARun() {
        BackupResult result = PlanB.backup(plan.destination(local).build());
        Instant start = result.manifest().finishedAt().plusSeconds(3600);
        MutableClock clock = new MutableClock(start);
        StatusBoard board = new StatusBoard(clock);
        board.track("app", Optional.of(Duration.ofHours(26)));

        board.onEvent(new BackupStarted("app", start, result.id()));
        Progress progress = new Progress("app", "backup", 1000, 400, 5000, Duration.ofSeconds(2), false);
        board.onEvent(new BackupProgress("app", start.plusSeconds(2), progress));
        PlanStatus running = board.status("app").orElseThrow();
        assertThat(running.state()).isEqualTo(PlanState.RUNNING);
        assertThat(running.progress()).contains(progress);

        BackupResult partial = new BackupResult(result.manifest(), List.of(DestinationResult.succeeded(local.description()),
                DestinationResult.failed("file:/mnt/offsite", "No space left on device")));
        board.onEvent(new DestinationFailed("app", start.plusSeconds(5), result.id(), "file:/mnt/offsite",
                "No space left on device"));
        board.onEvent(new BackupSucceeded("app", start.plusSeconds(5), partial, Duration.ofSeconds(5)));
        PlanStatus done = board.status("app").orElseThrow();
        assertThat(done.state()).isEqualTo(PlanState.IDLE);
        assertThat(done.progress()).isEmpty();
        assertThat(done.lastSuccess().orElseThrow().time()).isEqualTo(start.plusSeconds(5));
        assertThat(done.destinations()).extracting(DestinationStatus::destination)
                .containsExactlyInAnyOrder(local.description(), "file:/mnt/offsite");
        assertThat(done.destinations()).filteredOn(destination -> destination.destination().equals("file:/mnt/offsite"))
                .singleElement().satisfies(offsite -> {
                    assertThat(offsite.lastSuccess()).isEmpty();
                    assertThat(offsite.lastFailure().orElseThrow().message()).isEqualTo("No space left on device");
                });

        board.onEvent(new BackupFailed("app", start.plusSeconds(60), ErrorCode.DATABASE_UNAVAILABLE, "database is gone",
                Duration.ofSeconds(1)));
        board.onEvent(new VerificationFailed("app", start.plusSeconds(90), result.id(), List.of("checksum mismatch")));
        PlanStatus failed = board.status("app").orElseThrow();
        assertThat(failed.lastFailure()).contains(new Failure(start.plusSeconds(60), "database is gone"));
        assertThat(failed.lastVerification().orElseThrow().passed()).isFalse();
        assertThat(failed.lastVerification().orElseThrow().problems()).containsExactly("checksum mismatch");
        assertThat(failed.lastSuccess().orElseThrow().time()).as("a failure keeps the last success")
                .isEqualTo(start.plusSeconds(5));
    }
}
