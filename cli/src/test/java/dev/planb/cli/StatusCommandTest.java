/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.ErrorCode;
import dev.planb.spi.ManifestChecksum;
import dev.planb.spi.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path dir;
    Path backups;
    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        Path file = dir.resolve("APP.db");
        DemoDatabase.create(file);
        database = "jdbc:sqlite:" + file;
        backups = dir.resolve("backups");
    }

    String backup(String plan) {
        Cli.Result result = Cli.run("backup", "--db", database, "--to", backups.toString(), "--plan", plan);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }

    /** Moves a backup back in time, as if it had been made {@code age} ago. */
    void age(String plan, String id, Duration age) throws Exception {
        Path manifest = backups.resolve(plan).resolve(id).resolve("manifest.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(manifest.toFile());
        json.put("startedAt", Instant.now().minus(age).minusSeconds(1).toString());
        json.put("finishedAt", Instant.now().minus(age).toString());
        json.put(ManifestChecksum.FIELD, ManifestChecksum.of(json)); // a consistent manifest of an older backup
        Files.writeString(manifest, Json.mapper().writeValueAsString(json));
    }

    @Test
    void recentBackupsAreOkAndAnOldOneExitsWithStale() throws Exception {
        String app = backup("app");
        String billing = backup("billing");
        age("billing", billing, Duration.ofHours(30));

        Cli.Result fresh = Cli.run("status", "--from", backups.toString(), "--plan", "app", "--max-age", "26h");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).contains("PLAN", "MAX AGE", "app", "ok", app, "1d 2h").doesNotContain("billing");

        Cli.Result all = Cli.run("status", "--from", backups.toString(), "--max-age", "26h");
        assertThat(all.exitCode()).isEqualTo(ErrorCode.STALE.exitCode()).isEqualTo(15);
        assertThat(all.out()).contains(app, billing, "stale", "1d 6h");
        assertThat(all.err().strip()).startsWith("planb: plan 'billing' is stale: its newest backup is 1d 6h")
                .endsWith("old, more than --max-age 1d 2h").doesNotContain("'app'");

        Cli.Result unchecked = Cli.run("status", "--from", backups.toString());
        assertThat(unchecked.exitCode()).as("no --max-age: nothing is stale").isZero();
        assertThat(unchecked.out()).doesNotContain("stale");
    }

    @Test
    void jsonForScripts() throws Exception {
        String app = backup("app");
        age("app", app, Duration.ofDays(3));

        Cli.Result result = Cli.run("status", "--from", "file://" + backups, "--max-age", "PT48H", "--json");

        assertThat(result.exitCode()).isEqualTo(15);
        JsonNode plans = Json.mapper().readTree(result.out());
        assertThat(plans).hasSize(1);
        JsonNode status = plans.get(0);
        assertThat(status.get("plan").asText()).isEqualTo("app");
        assertThat(status.get("state").asText()).isEqualTo("stale");
        assertThat(status.get("backupId").asText()).isEqualTo(app);
        assertThat(status.get("ageSeconds").asLong()).isBetween(3 * 86_400L, 3 * 86_400L + 60);
        assertThat(status.get("maxAgeSeconds").asLong()).isEqualTo(48 * 3600L);
        assertThat(status.get("storedBytes").asLong()).isPositive();
        assertThat(status.get("finishedAt").asText()).endsWith("Z");
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        backup("app");

        Cli.Result badAge = Cli.run("status", "--from", backups.toString(), "--max-age", "soon");
        assertThat(badAge.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(badAge.err().strip())
                .isEqualTo("planb: --max-age 'soon' is not a duration: use e.g. 26h, 90m, 2d, 1d12h or PT26H");

        Cli.Result unknownPlan = Cli.run("status", "--from", backups.toString(), "--plan", "other");
        assertThat(unknownPlan.exitCode()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND.exitCode());
        assertThat(unknownPlan.err()).contains("No backups of plan 'other'", "plans here are app");

        Cli.Result empty = Cli.run("status", "--from", Files.createDirectory(dir.resolve("empty")).toString());
        assertThat(empty.exitCode()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND.exitCode());
        assertThat(empty.err()).startsWith("planb: No backups on ");

        Cli.Result missing = Cli.run("status", "--from", dir.resolve("nowhere").toString(), "--max-age", "1h");
        assertThat(missing.exitCode()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND.exitCode());
        assertThat(missing.err()).contains("does not exist");
    }
}
