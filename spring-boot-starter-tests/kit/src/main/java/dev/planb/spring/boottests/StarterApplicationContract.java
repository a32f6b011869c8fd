/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.Secret;
import dev.planb.catalog.ManifestReader;
import dev.planb.catalog.ManifestWriter;
import dev.planb.crypto.Decryption;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * What the starter gives a real Spring Boot web application with Actuator and Spring Security, on whichever
 * Spring Boot generation runs these tests (the {@code boot3} and {@code boot4} modules each run every
 * subclass): a backup at start-up that restores, the {@code planb} health, the {@code /actuator/planb}
 * endpoint (read, and "backup now" for operators only, as docs/getting-started/spring-boot.md protects it), the status page,
 * and no secret in any of them. One application per database kind, started once for its test class; the
 * database is one of test-support's real local servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StarterApplicationContract {

    /** Given to the application as an environment variable would be, through a ${…} placeholder. */
    protected static final String PASSPHRASE = "kit-passphrase-7Qx2v";
    private static final String VIEWER_PASSWORD = "kit-viewer-pw-4Rt9";
    private static final String OPERATOR_PASSWORD = "kit-operator-pw-8Kp3";
    /** How many rows the application's {@code orders} table has. */
    protected static final int ORDERS = 3;
    private static final String JACKSON3_MAPPER = "tools.jackson.databind.json.JsonMapper";

    @TempDir
    static Path folder;

    private AppDatabase database;
    private ConfigurableApplicationContext app;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * The application's database and how the application is pointed at it.
     *
     * @param source the database the application uses; the kit puts its rows there before the start
     * @param properties what points the application at it ({@code spring.datasource.*} or {@code kit.orders.*})
     * @param restoreTarget an empty database the backup is restored into
     */
    protected record AppDatabase(DatabaseSource source, Map<String, String> properties, DatabaseSource restoreTarget) {
    }

    /** The application's database for this test class. */
    protected abstract AppDatabase database() throws SQLException;

    @BeforeAll
    void startTheApplication() throws SQLException {
        database = database();
        try (Connection connection = Jdbc.connect(database.source()); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE orders (id INT PRIMARY KEY, item VARCHAR(40))");
            for (int i = 1; i <= ORDERS; i++) {
                sql.execute("INSERT INTO orders VALUES (" + i + ", 'item " + i + "')");
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>(database.properties());
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("planb.destinations.local.uri", backupFolder().toString());
        properties.put("planb.schedule", "1d");
        properties.put("planb.preflight", "false");
        properties.put("KIT_PASSPHRASE", PASSPHRASE);
        properties.put("planb.encryption.passphrase", "${KIT_PASSPHRASE}");
        properties.put("planb.status-page.enabled", "true");
        properties.put("management.endpoints.web.exposure.include", "health,planb,metrics");
        properties.put("management.endpoint.health.show-details", "when-authorized");
        properties.put("management.endpoint.health.roles", "PLANB_VIEWER,PLANB_OPERATOR");
        properties.put("kit.viewer-password", VIEWER_PASSWORD);
        properties.put("kit.operator-password", OPERATOR_PASSWORD);
        // Flyway and Liquibase are on the class path for MigrationBackupApplicationTest; this application has no migrations
        properties.put("spring.flyway.enabled", "false");
        properties.put("spring.liquibase.enabled", "false");
        // the application's own Jackson, set up as PlanB's stored JSON must never be: its format stays PlanB's
        properties.put("spring.jackson.property-naming-strategy", "SNAKE_CASE");
        properties.put("spring.jackson.default-property-inclusion", "non_null");
        SpringApplication application = new SpringApplication(StarterTestApplication.class);
        application.setDefaultProperties(properties);
        app = application.run();
    }

    @AfterAll
    void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void backsUpAtStartUpAndTheBackupRestores() throws SQLException {
        Manifest backup = firstBackup();
        assertThat(backup.totalRows()).isEqualTo(ORDERS);

        PlanB.restore(RestoreRequest.builder().from(backups()).plan("app").backup(backup.id().toString())
                .target(database.restoreTarget()).decryption(Decryption.withPassphrase(Secret.of(PASSPHRASE))).build());
        try (Connection connection = Jdbc.connect(database.restoreTarget()); Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM orders")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(ORDERS);
        }
    }

    @Test
    void reportsHealthAndServesTheEndpointAndTheStatusPage() throws Exception {
        Manifest backup = firstBackup();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/planb").statusCode() == 200);
        assertThat(get("/actuator/health/planb").body()).contains("\"status\":\"UP\"").contains("\"app\"");
        assertThat(get("/actuator/health").body()).contains("\"planb\"");
        HttpResponse<String> plans = get("/actuator/planb");
        assertThat(plans.statusCode()).isEqualTo(200);
        assertThat(plans.body()).contains("\"plan\":\"app\"").contains(backup.id().toString());
        assertThat(get("/actuator/metrics/planb.backup.age").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/planb.backup.duration").body()).contains("\"plan\"");
        HttpResponse<String> page = get("/planb");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("app").contains(backup.id().toString());
    }

    @Test
    void theEndpointStartsABackupNow() throws Exception {
        firstBackup();
        assertThat(backupNow(null).statusCode()).isEqualTo(401);
        assertThat(backupNow(EndpointSecurity.VIEWER + ":" + VIEWER_PASSWORD).statusCode()).isEqualTo(403);
        HttpResponse<String> started = backupNow(EndpointSecurity.OPERATOR + ":" + OPERATOR_PASSWORD);
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"started\":true");
        // the action is optional: a backup by default
        assertThat(send(request("/actuator/planb/app").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), EndpointSecurity.OPERATOR + ":" + OPERATOR_PASSWORD)
                .body()).contains("\"action\":\"backup\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> backupsOfApp().size() >= 2);
    }

    @Test
    void anonymousCallersSeeOnlyTheOverallHealth() throws Exception {
        firstBackup();
        HttpResponse<String> health = send(request("/actuator/health").GET(), null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("planb");
        for (String path : List.of("/actuator/planb", "/actuator/planb/app", "/planb")) {
            assertThat(send(request(path).GET(), null).statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void noEndpointHealthOrStatusPageShowsASecret() throws Exception {
        firstBackup();
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE, VIEWER_PASSWORD, OPERATOR_PASSWORD));
        database.source().passwordSecret().map(Secret::reveal).filter(password -> password.length() >= 4)
                .ifPresent(secrets::add);
        for (String path : List.of("/actuator/health", "/actuator/health/planb", "/actuator/planb",
                "/actuator/planb/app", "/planb", "/actuator/metrics/planb.backup.age")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            for (String secret : secrets) {
                assertThat(response.body()).as(path).doesNotContain(secret);
            }
        }
    }

    /** The application's database. */
    protected AppDatabase appDatabase() {
        return database;
    }

    /** The folder the application stores its backups in ({@code planb.destinations.local.uri}). */
    protected static Path backupFolder() {
        return folder.resolve("backups");
    }

    /** The application's Jackson (2 on Boot 3, 3 on Boot 4) writes its way; PlanB's manifests keep their format. */
    @Test
    void theApplicationsJacksonLeavesTheManifestFormatAlone() throws Exception {
        Manifest backup = firstBackup();
        assertThat(applicationJson(new Probe(backup.backupId(), null)))
                .isEqualTo("{\"backup_id\":\"" + backup.backupId() + "\"}");

        byte[] stored = Files.readAllBytes(folder.resolve("backups").resolve(Layout.manifestKey("app", backup.id())));
        assertThat(new String(stored, StandardCharsets.UTF_8)).contains("\"backupId\" : \"" + backup.backupId() + "\"")
                .contains("\"parentId\" : null").doesNotContain("backup_id")
                .containsPattern("\"manifestSha256\" : \"[0-9a-f]{64}\"\\s*}\\s*$");
        assertThat(ManifestReader.read(stored, "manifest.json")).isEqualTo(backup);
        assertThat(ManifestWriter.write(backup)).isEqualTo(stored);
    }

    /** A value the application's Jackson writes: {@code backupId} in its naming, {@code label} left out as null. */
    public record Probe(String backupId, String label) {
    }

    /** {@code value} as the application's own JSON mapper bean writes it (Jackson 3 is not on the kit's class path). */
    private String applicationJson(Object value) throws Exception {
        Class<?> type = ClassUtils.isPresent(JACKSON3_MAPPER, null) ? Class.forName(JACKSON3_MAPPER) : ObjectMapper.class;
        Object mapper = app.getBean(type);
        return (String) type.getMethod("writeValueAsString", Object.class).invoke(mapper, value);
    }

    /** The backup the application made at start-up (waiting for it). */
    protected Manifest firstBackup() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !backupsOfApp().isEmpty());
        List<Manifest> all = backupsOfApp();
        return all.get(all.size() - 1);
    }

    private List<Manifest> backupsOfApp() {
        return PlanB.catalog(backups()).backups("app");
    }

    private LocalDirectoryDestination backups() {
        return new LocalDirectoryDestination(backupFolder());
    }

    /** GET as the viewer. */
    private HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET(), EndpointSecurity.VIEWER + ":" + VIEWER_PASSWORD);
    }

    private HttpResponse<String> backupNow(String login) throws Exception {
        return send(request("/actuator/planb/app").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"backup\"}")), login);
    }

    /** Sends as {@code login} ({@code user:password}, HTTP basic), or anonymously when null. */
    private HttpResponse<String> send(HttpRequest.Builder request, String login) throws Exception {
        if (login != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    login.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + path)).timeout(Duration.ofSeconds(30));
    }
}
