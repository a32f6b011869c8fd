package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.spi.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.testing.server.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** planb.yml against a real PostgreSQL: backup --config, config check, run --once and run until SIGTERM. */
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
    void runBacksUpOnScheduleDrillsAlertsAndStopsCleanlyOnSigterm() throws Exception {
        try (WebhookSink webhook = new WebhookSink()) {
            Path config = config("""
                    plans:
                      app:
                        database: { url: "%s", username: %s, password-env: %s }
                        schedule: 2s
                        destinations: [ { uri: "%s", retention: { keep-last: 2 } } ]
                        verification: { every-nth-backup: 2, checks: [ "select count(*) from orders = 50" ] }
                      broken:
                        database: { url: "%s", username: %s, password-file: %s }
                        schedule: 1h
                        max-age: 2s
                        destinations: [ { uri: "%s" } ]
                        notifiers: { webhook-url: "%s" }
                    """.formatted(database.jdbcUrl(), PostgresServer.USER, PASSWORD_VARIABLE, backups,
                    database.jdbcUrl(), PostgresServer.USER, Files.writeString(dir.resolve("wrong"), "nope"), backups,
                    webhook.url()));
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process run = PlanBProcess.start(dir, List.of(), Map.of(PASSWORD_VARIABLE, server.password()), "run",
                    "--config", config.toString(), "--http", "127.0.0.1:" + port);
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8)).lines().forEach(lines::add));
            reader.start();
            LocalDirectoryDestination destination = new LocalDirectoryDestination(backups);

            await().atMost(Duration.ofSeconds(60)).until(() -> lines.stream().anyMatch(line -> line.contains("verified"))
                    && lines.stream().filter(line -> line.contains("pruned")).count() >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.bodies().isEmpty());
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("broken is stale").isEqualTo(503);
                assertThat(response.body().replaceAll("\\s", "")).contains("\"status\":\"DOWN\"", "\"broken\":{",
                        "\"state\":\"STALE\"", "\"down\":true", "\"app\":{");
            });
            assertThat(http.send(HttpRequest.newBuilder(health.uri()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).as("read-only").isEqualTo(405);
            int seen = lines.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.subList(seen, lines.size()).stream()
                    .anyMatch(line -> line.contains("of plan 'app' started")));
            new ProcessBuilder("kill", "-TERM", String.valueOf(run.pid())).start().waitFor(); // as a backup runs

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            String output = String.join("\n", lines);
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("Running 2 plan(s)", "PlanB stopped").doesNotContain(server.password());
            assertThat(PlanB.catalog(destination).backups("app")).as(output).hasSizeBetween(1, 2);
            assertThat(webhook.bodies().get(0)).contains("broken");
            try (var entries = Files.list(backups.resolve("app"))) {
                assertThat(entries.filter(Files::isDirectory).filter(backup -> !Files.exists(backup.resolve("manifest.json"))))
                        .as("no partial backup visible").isEmpty();
            }
        }
    }

    private Path config(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "planb", ".yml");
        return Files.writeString(file, yaml);
    }
}
