/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.spi.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.server.PostgresServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * planb.yml against a real PostgreSQL (and S3Mock): backup --config, config check, run --once, run with
 * --http (health, metrics, status page) until SIGTERM, and SIGTERM in the middle of a backup.
 */
@ExtendWith(S3MockExtension.class)
class RunConfigTest {

    private static final String PASSWORD_VARIABLE = "PLANB_TEST_DB_PASSWORD";

    @TempDir
    Path dir;

    private final PostgresServer server = PostgresServer.shared();
    private DatabaseSource database;
    private Path backups;
    private Path passwordFile;

    @BeforeEach
    void database() throws Exception {
        database = server.newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table orders(id int primary key, item text)");
            statement.execute("insert into orders select i, 'item ' || i from generate_series(1, 50) i");
        }
        backups = dir.resolve("backups");
        passwordFile = Files.writeString(dir.resolve("pgpw"), server.password() + "\n");
    }

    @Test
    void backupWithConfigDoesWhatTheLongCommandLineDoes() throws Exception {
        Path config = config("""
                plans:
                  app:
                    database: { url: "%s", username: %s, password-file: %s }
                    destinations: [ { uri: "%s" } ]
                """.formatted(database.jdbcUrl(), PostgresServer.USER, passwordFile, backups));

        Cli.Result fromFile = Cli.run("backup", "--config", config.toString(), "--plan", "app");
        Cli.Result longLine = PlanBProcess.run(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "backup",
                "--db", database.jdbcUrl(), "--user", PostgresServer.USER, "--password-env", PASSWORD_VARIABLE,
                "--to", backups.toString(), "--plan", "app");

        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(longLine.exitCode()).as(longLine.err()).isZero();
        List<Manifest> both = PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app");
        assertThat(both).hasSize(2);
        assertThat(both.get(0).tables()).isEqualTo(both.get(1).tables());
        assertThat(both.get(0).engine().name()).isEqualTo(both.get(1).engine().name());
        assertThat(both.get(0).artifacts().get(0).compression()).isEqualTo(both.get(1).artifacts().get(0).compression());
        assertThat(both).extracting(Manifest::backupId).extracting(Object::toString)
                .contains(fromFile.out().strip());

        Cli.Result list = Cli.run("list", "--config", config.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains(fromFile.out().strip());
        Cli.Result status = Cli.run("status", "--config", config.toString(), "--max-age", "1h");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("app");
        Cli.Result verify = Cli.run("verify", "--config", config.toString(), "--plan", "app");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        Cli.Result prune = Cli.run("prune", "--config", config.toString(), "--keep-last", "1");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).hasSize(1);

        Cli.Result both2 = Cli.run("backup", "--config", config.toString(), "--db", database.jdbcUrl());
        assertThat(both2.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(both2.err()).contains("leave out --db and --to");
    }

    @Test
    void configCheckPrintsThePlansWithSecretsHidden() throws Exception {
        Path config = config("""
                plans:
                  app:
                    database: { url: "%s", username: %s, password: "%s" }
                    schedule: 1d12h
                    destinations: [ { uri: "%s", retention: { keep-last: 3 } } ]
                    notifiers: { webhook-url: "https://hooks.example.com/T0K3N" }
                """.formatted(database.jdbcUrl(), PostgresServer.USER, server.password(), backups));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        Cli.Result check = Cli.run("config", "check", config.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("schedule: \"1d12h\"", "keep-last: 3", "timeout: \"4h\"", "password: \"******\"",
                "webhook-url: \"******\"", "# plan 'app': postgresql", "OK, 1 plan(s), 0 pull(s)")
                .doesNotContain(server.password()).doesNotContain("T0K3N");
        assertThat(Files.exists(backups)).as("nothing touched").isFalse();

        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result readable = Cli.run("config", "check", config.toString());
        assertThat(readable.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(readable.err().strip()).isEqualTo("planb: " + config + " line 3: plans.app.database.password: a secret"
                + " is written in this file, which other users may read (mode 0644): chmod 600 " + config
                + ", or use password-env or password-file");
    }

    @Test
    void configCheckWithDoctorChecksEachPlansDatabaseAndDestinations() throws Exception {
        String plan = """
                plans:
                  app:
                    database: { url: "%s", username: %s, password-file: %s }
                    destinations: [ { uri: "%s" } ]
                """;
        Cli.Result healthy = Cli.run("config", "check", "--doctor",
                config(plan.formatted(database.jdbcUrl(), PostgresServer.USER, passwordFile, backups)).toString());
        assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
        assertThat(healthy.out()).contains("# doctor, plan 'app':", "OK       database: connected to PostgreSQL");

        Path wrong = Files.writeString(dir.resolve("wrong"), "not the password");
        Cli.Result blocked = Cli.run("config", "check", "--doctor",
                config(plan.formatted(database.jdbcUrl(), PostgresServer.USER, wrong, backups)).toString());
        assertThat(blocked.exitCode()).as(blocked.out()).isEqualTo(ErrorCode.PREFLIGHT_BLOCKED.exitCode());
        assertThat(blocked.out()).contains("BLOCKER  database:");
    }

    @Test
    void runOnceBacksUpEveryPlanAppliesRetentionAndExitsWithTheWorstStatus() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong"), "not the password");
        String plans = """
                plans:
                  app:
                    database: { url: "%s", username: %s, password-file: %s }
                    destinations: [ { uri: "%s", retention: { keep-last: 1 } } ]
                """.formatted(database.jdbcUrl(), PostgresServer.USER, passwordFile, backups);
        Path good = config(plans);
        for (int run = 0; run < 2; run++) {
            Cli.Result once = Cli.run("run", "--config", good.toString(), "--once");
            assertThat(once.exitCode()).as(once.err()).isZero();
            assertThat(once.err()).contains("app: backed up: ");
        }
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).as("keep-last 1").hasSize(1);

        Path withBroken = config(plans + """
                  broken:
                    database: { url: "%s", username: %s, password-file: %s }
                    destinations: [ { uri: "%s" } ]
                """.formatted(database.jdbcUrl(), PostgresServer.USER, wrong, backups));
        Cli.Result once = Cli.run("run", "--config", withBroken.toString(), "--once");
        assertThat(once.exitCode()).as(once.err()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE.exitCode());
        assertThat(once.err()).contains("app: backed up: ", "broken: FAILED: ");
    }

    @Test
    void runBacksUpOnScheduleToAFolderAndS3DrillsAlertsAndServesHealthMetricsAndThePage(S3Fixture s3) throws Exception {
        String bucket = s3.newBucket();
        try (WebhookSink webhook = new WebhookSink()) {
            Path config = config("""
                    plans:
                      app:
                        database: { url: "%s", username: %s, password-env: %s }
                        schedule: 2s
                        destinations:
                          - { uri: "%s", retention: { keep-last: 2 } }
                          - { uri: "%s" }
                        verification: { every-nth-backup: 2, checks: [ "select count(*) from orders = 50" ] }
                      broken:
                        database: { url: "%s", username: %s, password-file: %s }
                        schedule: 1h
                        max-age: 2s
                        destinations: [ { uri: "%s" } ]
                        notifiers: { webhook-url: "%s" }
                    """.formatted(database.jdbcUrl(), PostgresServer.USER, PASSWORD_VARIABLE, backups,
                    s3.uri(bucket, "app"), database.jdbcUrl(), PostgresServer.USER,
                    Files.writeString(dir.resolve("wrong"), "nope"), backups, webhook.url()));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> environment = new HashMap<>(s3.credentialsEnvironment());
            environment.put(PASSWORD_VARIABLE, server.password());
            RunningPlanB run = RunningPlanB.start(dir, s3.server().trustStoreOptions(), environment, "run", "--config",
                    config.toString(), "--http", RunningPlanB.freeAddress());

            await().atMost(Duration.ofSeconds(60)).until(() -> run.saw("verified") && run.count("pruned") >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.bodies().isEmpty());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = run.get("/health");
                assertThat(response.statusCode()).as("broken is stale").isEqualTo(503);
                assertThat(response.body().replaceAll("\\s", "")).contains("\"status\":\"DOWN\"", "\"broken\":{",
                        "\"state\":\"STALE\"", "\"down\":true", "\"app\":{");
            });
            HttpResponse<String> metrics = run.get("/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body()).as("the starter's meter names").contains(
                    "planb_backup_duration_seconds_count{outcome=\"success\",plan=\"app\"}",
                    "planb_backup_duration_seconds_count{outcome=\"failure\",plan=\"broken\"} 1",
                    "planb_backup_size_bytes_count{plan=\"app\"}", "planb_backup_failures_total{plan=\"broken\"} 1.0",
                    "planb_verification_duration_seconds_count{plan=\"app\"}", "planb_backup_age_seconds{plan=\"app\"}",
                    "planb_plan_down{plan=\"broken\"} 1.0", "planb_plan_down{plan=\"app\"} 0.0");
            HttpResponse<String> page = run.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<h2>Plan app", "<h2>Plan broken <span class=\"STALE\">STALE</span>")
                    .containsPattern("<tr><td>\\d{8}T\\d{6}Z-\\p{XDigit}{6}</td>").doesNotContain(server.password());
            assertThat(run.get("/actuator").statusCode()).isEqualTo(404);
            assertThat(run.http().send(HttpRequest.newBuilder(run.uri("/health")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as("read-only").isEqualTo(405);

            String output = run.stop();
            assertThat(run.process().exitValue()).as(output).isZero();
            assertThat(output).contains("Running 2 plan(s)", "PlanB stopped").doesNotContain(server.password());
            assertThat(webhook.bodies().get(0)).contains("broken");
            assertThat(s3.keys(bucket)).anyMatch(key -> key.endsWith("/manifest.json"));
            assertNoPartialBackup();
        }
    }

    @Test
    void sigtermDuringABackupLetsItFinishWithinTheGracePeriod() throws Exception {
        try (Connection blocker = lockOrders()) {
            RunningPlanB run = RunningPlanB.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "run",
                    "--config", blockedPlan("").toString(), "--grace", "30s");
            awaitBackupWaitingOnTheLock(run);

            run.sigterm();
            await().atMost(Duration.ofSeconds(20)).until(() -> run.saw("waiting up to 30s for running backups"));
            assertThat(run.process().isAlive()).as("the backup is still running").isTrue();
            blocker.commit(); // the backup carries on and finishes

            String output = run.stop();
            assertThat(run.process().exitValue()).as(output).isZero();
            assertThat(output).contains("of plan 'app' finished", "PlanB stopped");
            assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).as(output).singleElement()
                    .satisfies(manifest -> assertThat(manifest.totalRows()).isEqualTo(50));
        }
    }

    @Test
    void sigtermDuringABackupStopsItAfterTheGracePeriodLeavingNothingAndTheNextRunCarriesOn() throws Exception {
        Path config;
        try (Connection blocker = lockOrders()) {
            config = blockedPlan("shutdown-grace: 1s\n");
            RunningPlanB run = RunningPlanB.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "run",
                    "--config", config.toString());
            awaitBackupWaitingOnTheLock(run);

            run.sigterm();
            String output = run.stop();

            assertThat(run.process().exitValue()).as(output).isZero();
            assertThat(output).contains("waiting up to 1s for running backups",
                    "was stopped because PlanB is shutting down: it left no backup").doesNotContain("of plan 'app' finished");
            assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).as(output).isEmpty();
            assertNoPartialBackup();
        }
        Cli.Result next = PlanBProcess.run(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "run",
                "--config", config.toString(), "--once");
        assertThat(next.exitCode()).as(next.out()).isZero();
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).singleElement();
    }

    @Test
    void sigtermDuringRunOnceStopsTheBackupAfterTheGracePeriodAndExitsWithItsFailure() throws Exception {
        try (Connection blocker = lockOrders()) {
            RunningPlanB run = RunningPlanB.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "run",
                    "--config", blockedPlan("").toString(), "--once", "--grace", "1s");
            awaitBackupWaitingOnTheLock(run);

            String output = run.stop();

            assertThat(run.process().exitValue()).as(output).isEqualTo(ErrorCode.CANCELLED.exitCode());
            assertThat(output).contains("waiting up to 1s for running backups", "was stopped because PlanB is shutting down");
            assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).as(output).isEmpty();
            assertNoPartialBackup();
        }
    }

    /** A plan whose first backup starts at once (nothing backed up yet) and meets the test's lock on orders. */
    private Path blockedPlan(String root) throws Exception {
        return config(root + """
                plans:
                  app:
                    database: { url: "%s", username: %s, password-env: %s }
                    schedule: 1h
                    destinations: [ { uri: "%s" } ]
                """.formatted(database.jdbcUrl(), PostgresServer.USER, PASSWORD_VARIABLE, backups));
    }

    /** An open transaction holding an exclusive lock on orders: pg_dump waits for it, mid-backup, until it ends. */
    private Connection lockOrders() throws Exception {
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER, server.password());
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table orders in access exclusive mode");
        }
        return connection;
    }

    /** Proof that the signal will land mid-backup: the run has started and its dump waits on the lock. */
    private void awaitBackupWaitingOnTheLock(RunningPlanB run) {
        await().atMost(Duration.ofSeconds(60)).until(() -> run.saw("of plan 'app' started"));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresServer.USER,
                    server.password()); Statement statement = connection.createStatement();
                    ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                            + " where datname = current_database() and wait_event_type = 'Lock'")) {
                waiting.next();
                return waiting.getInt(1) > 0;
            }
        });
        assertThat(run.saw("of plan 'app' finished")).isFalse();
    }

    private void assertNoPartialBackup() throws Exception {
        if (!Files.exists(backups.resolve("app"))) {
            return;
        }
        try (var entries = Files.list(backups.resolve("app"))) {
            assertThat(entries.filter(Files::isDirectory).filter(backup -> !Files.exists(backup.resolve("manifest.json"))))
                    .as("no partial backup visible").isEmpty();
        }
    }

    private Path config(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "planb", ".yml");
        return Files.writeString(file, yaml);
    }
}
