/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.Secret;
import dev.planb.change.TableChange;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.DatabaseEngines;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.DestructiveChange;
import dev.planb.event.PlanBEvent;
import dev.planb.event.Pruned;
import dev.planb.hold.Holds;
import dev.planb.notify.Email;
import dev.planb.notify.SmtpSecurity;
import dev.planb.notify.Webhook;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;
import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import dev.planb.status.PlanState;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code DELETE} of most rows and a {@code DROP TABLE} between two scheduled backups of a real database: the
 * runtime sends the destructive change to a real webhook receiver and a real SMTP server, holds the last good backup,
 * and retention with keep-last 1 keeps it. Each engine's test says how to make a database.
 */
abstract class AbstractDestructiveChangeTest {

    private static final int ORDERS = 1200;
    private static final String MAIL_PASSWORD = "smtp-Secret-42";

    @TempDir
    Path backups;

    DatabaseSource database;
    LocalDirectoryDestination destination;
    HttpServer webhook;
    BlockingQueue<String> posted = new LinkedBlockingQueue<>();
    GreenMail smtp;
    List<PlanBEvent> events = new CopyOnWriteArrayList<>();

    /** A new, empty database. */
    protected abstract DatabaseSource newDatabase() throws Exception;

    /** How the manifest names table {@code name} created unquoted (H2: in upper case). */
    protected String tableName(String name) {
        return name;
    }

    @BeforeEach
    void startSinksAndFillTheDatabase() throws Exception {
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/", exchange -> {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.setUser("backup@example.com", "backup", MAIL_PASSWORD);
        smtp.start();
        destination = new LocalDirectoryDestination(backups);
        database = newDatabase();
        try (Connection connection = DatabaseEngines.forUrl(database.jdbcUrl()).connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item VARCHAR(40) NOT NULL)");
            statement.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, note VARCHAR(40))");
            statement.execute("INSERT INTO audit (id, note) VALUES (1, 'a'), (2, 'b')");
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id, item) VALUES (?, ?)")) {
                for (int id = 1; id <= ORDERS; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "item " + id);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    @AfterEach
    void stopSinks() {
        webhook.stop(0);
        smtp.stop();
    }

    private <T extends PlanBEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = DatabaseEngines.forUrl(database.jdbcUrl()).connect(database);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    @Test
    void aDeleteAndADropAreAlertedByWebhookAndMailAndTheLastGoodBackupIsKept() throws Exception {
        BackupPlan plan = BackupPlan.builder("app").database(database)
                .destination(destination, RetentionPolicy.builder().keepLast(1).build())
                .schedule(Schedule.every(Duration.ofDays(1))) // once at start, then on demand
                .notifier(Webhook.json(Secret.of("http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook")).build())
                .notifier(Email.smtp("127.0.0.1", smtp.getSmtp().getPort()).security(SmtpSecurity.NONE)
                        .login("backup", Secret.of(MAIL_PASSWORD)).from("backup@example.com").to("ops@example.com")
                        .build())
                .build();
        BackupId good;
        try (PlanB planb = PlanB.builder().plan(plan).listener(events::add).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> events(Pruned.class).size() == 1);
            good = events(BackupSucceeded.class).get(0).result().id();
            execute("DELETE FROM orders WHERE id > 100", "DROP TABLE audit");

            planb.backupNow("app");
            await().atMost(Duration.ofSeconds(60)).until(() -> events(Pruned.class).size() == 2);

            BackupId bad = events(BackupSucceeded.class).get(1).result().id();
            assertThat(events(DestructiveChange.class)).singleElement().satisfies(change -> {
                assertThat(change.backupId()).isEqualTo(bad);
                assertThat(change.previousId()).isEqualTo(good);
                assertThat(change.tables()).containsExactlyInAnyOrder(new TableChange(tableName("audit"), 2, 0, true),
                        new TableChange(tableName("orders"), ORDERS, 100, false));
            });
            assertThat(planb.status("app").orElseThrow().state()).isEqualTo(PlanState.DESTRUCTIVE_CHANGE);
        }

        String alert = posted.poll(10, TimeUnit.SECONDS);
        assertThat(alert).contains("\"kind\":\"DESTRUCTIVE_CHANGE\"").contains("Table " + tableName("orders"))
                .contains(ORDERS + " -> 100 rows").contains(tableName("audit")).contains("DROPPED");
        await().atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 1);
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("PlanB: DESTRUCTIVE CHANGE in 'app'").contains(tableName("orders"));
        assertThat(GreenMailUtil.getBody(mail)).contains(ORDERS + " -> 100 rows").contains("Last good backup: " + good);
        assertThat(new Holds(destination).active("app", Instant.now())).singleElement()
                .satisfies(hold -> assertThat(hold.backupId()).isEqualTo(good));
        assertThat(PlanB.catalog(destination).backups("app")).extracting(Manifest::id)
                .as("keep-last 1 kept the held backup").contains(good).hasSize(2);
    }
}
