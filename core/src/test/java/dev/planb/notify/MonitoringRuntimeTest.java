/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.MutableClock;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.Secret;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupStale;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.PlanBEvent;
import dev.planb.schedule.Schedule;
import dev.planb.spi.NotificationKind;
import dev.planb.spi.support.Json;
import dev.planb.status.PlanState;
import dev.planb.status.PlanStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime with status, staleness and notifiers wired in, against a real HTTP receiver. */
class MonitoringRuntimeTest {

    @TempDir
    Path tmp;
    HttpReceiver receiver;
    List<PlanBEvent> events = new CopyOnWriteArrayList<>();
    BackupPlan.Builder plan;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new HttpReceiver();
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups")));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    <T extends PlanBEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aPlanWhoseScheduleDoesNotRunGoesStaleAndTheAlertGoesOut() throws Exception {
        BackupResult old = PlanB.backup(plan.build()); // the last backup before the application went down
        Instant finished = old.manifest().finishedAt();
        MutableClock clock = new MutableClock(finished.plus(Duration.ofHours(30)));
        BackupPlan watched = plan.maxAge(Duration.ofHours(26))
                .schedule(Schedule.every(Duration.ofDays(1)).withoutCatchUp()) // no run during the test
                .notifier(Webhook.json(Secret.of(receiver.url() + "/alerts")).build()).build();

        try (PlanB planb = PlanB.builder().plan(watched).listener(events::add).clock(clock)
                .stalenessCheckEvery(Duration.ofDays(1)).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !events(BackupStale.class).isEmpty());

            assertThat(events(BackupStale.class)).containsExactly(new BackupStale("app", clock.instant(),
                    Optional.of(finished), Duration.ofHours(26)));
            PlanStatus status = planb.status("app").orElseThrow();
            assertThat(status.state()).isEqualTo(PlanState.STALE);
            assertThat(status.lastSuccess().orElseThrow().id()).isEqualTo(old.id());
            assertThat(status.nextRun()).isPresent();
            assertThat(planb.status()).containsExactly(status);
            JsonNode alert = Json.mapper().readTree(receiver.next().body());
            assertThat(alert.get("kind").asText()).isEqualTo("STALE");
            assertThat(alert.get("facts").get("Last success").asText()).isEqualTo(finished.toString());

            clock.advance(Duration.ofHours(1));
            assertThat(planb.checkStaleness()).as("reported once").isEmpty();
        }
        assertThat(receiver.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aNotifierThatTimesOutNeitherDelaysNorFailsTheBackup() throws Exception {
        receiver.delaying(Duration.ofSeconds(60));
        BackupPlan slow = plan.schedule(Schedule.every(Duration.ofDays(1))) // no backup yet: runs at start
                .notifier(Webhook.json(Secret.of(receiver.url() + "/slow")).on(NotificationKind.values())
                        .timeout(Duration.ofSeconds(20)).build()).build();

        long start = System.nanoTime();
        PlanB planb = PlanB.builder().plan(slow).listener(events::add).start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !events(BackupSucceeded.class).isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            assertThat(events(BackupSucceeded.class).get(0).duration()).isLessThan(Duration.ofSeconds(10));
            assertThat(receiver.next().body()).as("the notifier is still waiting for its answer")
                    .contains("\"kind\":\"STARTED\"");
            assertThat(planb.status("app").orElseThrow().state()).isEqualTo(PlanState.IDLE);
        } finally {
            long closing = System.nanoTime();
            planb.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).as("close gives up on the receiver")
                    .isLessThan(Duration.ofSeconds(10));
        }
    }
}
