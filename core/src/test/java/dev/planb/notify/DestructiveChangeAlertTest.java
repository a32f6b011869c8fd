/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.Secret;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.change.TableChange;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestructiveChange;
import dev.planb.event.PlanBEvent;
import dev.planb.event.Pruned;
import dev.planb.history.PlanHistory;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;
import dev.planb.spi.BackupId;
import dev.planb.spi.support.Json;
import dev.planb.status.PlanState;
import dev.planb.status.PlanStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DELETE without WHERE and a DROP TABLE between two runs of a real SQLite plan: the runtime reports the change
 * to a real HTTP receiver, holds the last good backup, and retention with keep-last 1 keeps it.
 */
class DestructiveChangeAlertTest {

    @TempDir
    Path tmp;
    HttpReceiver receiver;
    String url;
    LocalDirectoryDestination local;
    List<PlanBEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        receiver = new HttpReceiver();
        url = SampleDb.create(tmp.resolve("app.db"));
        local = new LocalDirectoryDestination(tmp.resolve("backups"));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private <T extends PlanBEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private BackupPlan plan(DestructiveChangePolicy policy) {
        return BackupPlan.builder("app").database(DatabaseSource.of(url))
                .destination(local, RetentionPolicy.builder().keepLast(1).build())
                .schedule(Schedule.every(Duration.ofDays(1))) // runs once at start, then on demand
                .destructiveChange(policy)
                .notifier(Webhook.json(Secret.of(receiver.url() + "/alerts")).build()).build();
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aDeleteAndADropAreAlertedAndTheLastGoodBackupSurvivesKeepLastOne() throws Exception {
        DestructiveChangePolicy policy = DestructiveChangePolicy.builder().minRows(100).ignore("customers").build();
        try (PlanB planb = PlanB.builder().plan(plan(policy)).listener(events::add).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() == 1); // the run is over
            BackupId good = events(BackupSucceeded.class).get(0).result().id();
            sql("DELETE FROM orders WHERE id > 10", "DELETE FROM customers", "DROP TABLE attachments");

            planb.backupNow("app");
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() == 2);

            DestructiveChange change = events(DestructiveChange.class).get(0);
            BackupId bad = events(BackupSucceeded.class).get(1).result().id();
            assertThat(change.backupId()).isEqualTo(bad);
            assertThat(change.previousId()).isEqualTo(good);
            assertThat(change.tables()).containsExactly(new TableChange("attachments", SampleDb.ATTACHMENTS, 0, true),
                    new TableChange("orders", SampleDb.ORDERS, 10, false));
            assertThat(change.heldOn()).containsExactly(local.description());
            assertThat(events).as("the hold is placed before retention runs")
                    .containsSubsequence(change, events(Pruned.class).get(1));
            assertThat(events(Pruned.class).get(1).deleted()).isEmpty();
            assertThat(PlanB.catalog(local).backups("app")).extracting(manifest -> manifest.id())
                    .containsExactly(bad, good);

            JsonNode alert = Json.mapper().readTree(receiver.next().body());
            assertThat(alert.get("kind").asText()).isEqualTo("DESTRUCTIVE_CHANGE");
            assertThat(alert.get("headline").asText()).contains("DESTRUCTIVE CHANGE").contains("attachments, orders");
            assertThat(alert.get("facts").get("Table orders").asText()).isEqualTo(SampleDb.ORDERS + " -> 10 rows");
            assertThat(alert.get("facts").get("Table attachments").asText()).isEqualTo(SampleDb.ATTACHMENTS
                    + " rows -> DROPPED");
            assertThat(alert.get("facts").get("Last good backup").asText()).isEqualTo(good.toString());

            PlanStatus status = planb.status("app").orElseThrow();
            assertThat(status.state()).isEqualTo(PlanState.DESTRUCTIVE_CHANGE);
            assertThat(status.destructiveChange()).contains(change);
            assertThat(status.needsAttention()).as("not DOWN unless configured").isFalse();
            assertThat(status.needsAttention(true)).isTrue();

            List<Hold> holds = new Holds(local).active("app", Instant.now());
            assertThat(holds).singleElement().satisfies(hold -> {
                assertThat(hold.backupId()).isEqualTo(good);
                assertThat(hold.changedIn()).contains(bad);
                assertThat(hold.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
            });

            List<PlanHistory.Entry> history = PlanHistory.read(local, "app", 10, policy);
            assertThat(history).extracting(PlanHistory.Entry::id).containsExactly(good, bad);
            assertThat(history.get(0).isHeld(Instant.now())).isTrue();
            assertThat(history.get(1).destructiveChanges()).isEqualTo(change.tables());
            assertThat(history.get(1).tables()).extracting(table -> table.table() + "=" + table.rows())
                    .contains("orders=10");

            planb.backupNow("app"); // the change is not reported again: the next backup compares with the bad one
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() == 3);
            assertThat(events(DestructiveChange.class)).hasSize(1);
            assertThat(PlanB.catalog(local).backups("app")).extracting(manifest -> manifest.id()).contains(good);
        }
        assertThat(receiver.poll(Duration.ofMillis(300))).as("one alert only").isNull();
    }

    @Test
    void belowTheThresholdOrWithDetectionOffNothingIsReportedOrHeld() throws Exception {
        try (PlanB planb = PlanB.builder().plan(plan(DestructiveChangePolicy.defaults())).listener(events::add).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() == 1);
            sql("DELETE FROM orders"); // 200 rows: below the default 1,000

            planb.backupNow("app");
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() == 2);

            assertThat(events(DestructiveChange.class)).isEmpty();
            assertThat(events(Pruned.class).get(1).deleted()).hasSize(1);
            assertThat(planb.status("app").orElseThrow().state()).isEqualTo(PlanState.IDLE);
        }
        events.clear();
        try (PlanB planb = PlanB.builder().plan(plan(DestructiveChangePolicy.off())).listener(events::add).start()) {
            sql("DROP TABLE customers");
            planb.backupNow("app");
            await().atMost(Duration.ofSeconds(20)).until(() -> events(Pruned.class).size() >= 1);
            assertThat(events(DestructiveChange.class)).isEmpty();
            assertThat(new Holds(local).list("app")).isEmpty();
        }
    }
}
