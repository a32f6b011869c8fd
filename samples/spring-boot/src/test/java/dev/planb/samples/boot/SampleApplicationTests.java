/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.samples.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample app on a real H2 file database: a backup appears, the actuator shows it, staleness turns the health DOWN. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planb.schedule=1d", "planb.max-age=4s"})
class SampleApplicationTests {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + folder.resolve("db/orders"));
        registry.add("planb.destinations[0].uri", () -> folder.resolve("backups").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    PlanB planB;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void backsUpTheAppsDatabaseAndReportsItThroughTheActuator() throws Exception {
        assertThat(post("/orders?item=apple").statusCode()).isEqualTo(200);
        assertThat(postJson("/actuator/planb/app", "{\"action\":\"backup\"}").statusCode()).isEqualTo(200);
        LocalDirectoryDestination backups = new LocalDirectoryDestination(folder.resolve("backups"));
        await().atMost(Duration.ofSeconds(30)).until(() -> PlanB.catalog(backups).backups("app").stream()
                .anyMatch(manifest -> manifest.totalRows() == 1));
        Manifest newest = PlanB.catalog(backups).backups("app").get(0);
        assertThat(newest.totalRows()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/planb").statusCode() == 200);
        assertThat(get("/actuator/planb").body()).contains("\"plan\":\"app\"").contains(newest.id().toString());
        assertThat(get("/actuator/metrics/planb.backup.age").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/planb.backup.size").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics/planb.backup.duration").statusCode()).isEqualTo(200);

        // no backup within max-age (4s): the staleness check makes the plan stale
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            planB.checkStaleness();
            return planB.status("app").orElseThrow().isStale();
        });
        HttpResponse<String> health = get("/actuator/health/planb");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("STALE");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
