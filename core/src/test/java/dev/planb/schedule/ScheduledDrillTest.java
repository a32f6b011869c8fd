/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.VerificationFailed;
import dev.planb.event.VerificationStale;
import dev.planb.event.Verified;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime drills a plan's backups as its verification policy says, and reports the results as events. */
class ScheduledDrillTest {

    @TempDir
    Path tmp;
    LocalDirectoryDestination destination;
    RecordingListener events = new RecordingListener();
    DatabaseSource database;

    @BeforeEach
    void setUp() throws Exception {
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        SampleDb.create(tmp.resolve("app.db"));
        database = DatabaseSource.of(SampleDb.url(tmp.resolve("app.db")));
    }

    @Test
    void everySecondBackupIsDrilledAndReportedWithItsRecoveryTime() {
        BackupPlan plan = plan(VerificationPolicy.everyNthBackup(2)
                .check("select count(*) from customers = " + SampleDb.CUSTOMERS).build());

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events.of(Verified.class).size() >= 2);
        }

        List<Verified> verified = events.of(Verified.class);
        assertThat(verified).allSatisfy(event -> {
            assertThat(event.result().passed()).isTrue();
            assertThat(event.result().recovery()).isPresent();
            assertThat(event.result().checks()).singleElement().satisfies(check -> assertThat(check.passed()).isTrue());
        });
        assertThat(verified.stream().map(event -> event.result().manifest().backupId()).distinct()).hasSameSizeAs(verified);
        assertThat(events.of(BackupSucceeded.class).size()).as("not every backup is drilled")
                .isGreaterThanOrEqualTo(2 * verified.size() - 1);
        assertThat(events.of(VerificationFailed.class)).isEmpty();
        assertThat(events.of(VerificationStale.class)).isEmpty();
        assertThat(new VerificationLog(destination).newestPassed("app")).isPresent();
    }

    @Test
    void aFailingDrillIsReportedAndThePlanFlaggedWhenNoDrillPassed() {
        BackupPlan plan = plan(VerificationPolicy.every(Duration.ofHours(1))
                .check("select count(*) from customers > 1000000").maxAge(Duration.ofHours(2)).build());

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(VerificationStale.class).isEmpty());
        }

        assertThat(events.of(VerificationFailed.class)).first().satisfies(failed -> assertThat(failed.problems())
                .singleElement().asString().contains("select count(*) from customers", "> 1000000",
                        "got " + SampleDb.CUSTOMERS));
        assertThat(events.of(VerificationStale.class)).first().satisfies(stale -> {
            assertThat(stale.lastPassed()).isEmpty();
            assertThat(stale.maxAge()).isEqualTo(Duration.ofHours(2));
        });
        assertThat(events.of(Verified.class)).isEmpty();
    }

    @Test
    void aDrillThatCannotRunIsReportedAsAFailedVerificationOfTheNewestBackup() {
        BackupPlan plan = plan(VerificationPolicy.every(Duration.ofHours(1))
                .onServer(DatabaseSource.of("jdbc:h2:mem:elsewhere")).build());

        try (PlanB planb = PlanB.builder().plan(plan).listener(events).start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.of(VerificationFailed.class).isEmpty());
        }

        VerificationFailed failed = events.of(VerificationFailed.class).get(0);
        assertThat(failed.backupId()).isNotNull();
        assertThat(failed.problems()).singleElement().asString()
                .startsWith("restore drill could not run: ").contains("sqlite backup", "give a sqlite JDBC URL");
    }

    private BackupPlan plan(VerificationPolicy policy) {
        return BackupPlan.builder("app").database(database).destination(destination)
                .schedule(Schedule.every(Duration.ofSeconds(1))).verification(policy).build();
    }
}
