/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Json;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the last good backup and keeping it: {@code planb list --table / --before}, {@code planb hold}, {@code planb
 * hold release}, with {@code planb prune} honouring the hold, on a real SQLite database.
 */
class HoldCommandTest {

    @TempDir
    Path dir;
    Path backups;
    String url;
    List<Manifest> made; // newest first

    @BeforeEach
    void threeBackupsTheLastAfterADelete() throws Exception {
        url = "jdbc:sqlite:" + dir.resolve("app.db");
        backups = dir.resolve("backups");
        sql("CREATE TABLE orders (id INTEGER PRIMARY KEY, amount REAL)",
                "INSERT INTO orders (amount) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)"
                        + " SELECT i FROM n");
        backup();
        sql("INSERT INTO orders (amount) VALUES (1)");
        backup();
        sql("DELETE FROM orders WHERE id > 3");
        backup();
        made = PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app");
        assertThat(made).hasSize(3);
    }

    private void backup() {
        Cli.Result backup = Cli.run("backup", "--db", url, "--to", backups.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void listTableShowsWhereTheRowsWentAndBeforeFindsTheLastGoodBackup() throws Exception {
        Cli.Result list = Cli.run("list", "--from", backups.toString(), "--table", "orders");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsSubsequence("ROWS", "TREND", "ORDERS",
                made.get(0).backupId(), " 3  DOWN -99.8%",
                made.get(1).backupId(), "1201  up +0.1%",
                made.get(2).backupId(), "1200");

        JsonNode json = Json.mapper().readTree(Cli.run("list", "--from", backups.toString(), "--table", "ORDERS",
                "--json").out());
        assertThat(json.get(0).get("table").get("rows").asLong()).isEqualTo(3);
        assertThat(json.get(0).get("table").get("trend").asText()).isEqualTo("DOWN -99.8%");

        String before = made.get(0).startedAt().toString();
        Cli.Result earlier = Cli.run("list", "--from", backups.toString(), "--before", before);
        assertThat(earlier.out()).contains(made.get(1).backupId(), made.get(2).backupId())
                .doesNotContain(made.get(0).backupId());
        assertThat(Cli.run("list", "--from", backups.toString(), "--before", "1h").err())
                .contains("No backups on").contains("started before");
        Cli.Result bad = Cli.run("list", "--from", backups.toString(), "--before", "yesterday-ish");
        assertThat(bad.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(bad.err()).contains("--before 'yesterday-ish' is not a time").contains("2h");
    }

    @Test
    void aHeldBackupSurvivesPruneUntilItsHoldIsReleased() throws Exception {
        String good = made.get(1).backupId();
        Cli.Result hold = Cli.run("hold", "--from", backups.toString(), "--backup", good, "--reason",
                "orders emptied by the 14:02 deploy", "--expires", "7d");
        assertThat(hold.exitCode()).as(hold.err()).isZero();
        assertThat(hold.out()).contains("is held until").contains("planb hold release");

        Cli.Result list = Cli.run("list", "--from", backups.toString());
        assertThat(list.out()).containsSubsequence("HOLD", good, "until 20", "held until", "orders emptied by the 14:02 deploy");
        JsonNode json = Json.mapper().readTree(Cli.run("list", "--from", backups.toString(), "--json").out());
        assertThat(json.get(1).get("holds").get(0).get("reason").asText()).isEqualTo("orders emptied by the 14:02 deploy");
        assertThat(json.get(0).has("holds")).isFalse();

        Cli.Result prune = Cli.run("prune", "--from", backups.toString(), "--keep-last", "1");
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("held until");
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).extracting(Manifest::backupId)
                .containsExactly(made.get(0).backupId(), good);

        Cli.Result release = Cli.run("hold", "release", "--from", backups.toString(), "--backup", good);
        assertThat(release.exitCode()).as(release.err()).isZero();
        assertThat(release.out()).contains("Released hold").contains(good);
        assertThat(Cli.run("prune", "--from", backups.toString(), "--keep-last", "1").exitCode()).isZero();
        assertThat(PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app")).extracting(Manifest::backupId)
                .containsExactly(made.get(0).backupId());

        Cli.Result again = Cli.run("hold", "release", "--from", backups.toString(), "--backup", made.get(0).backupId());
        assertThat(again.exitCode()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND.exitCode());
        assertThat(again.err()).contains("has no active hold");
        Cli.Result missing = Cli.run("hold", "--from", backups.toString(), "--backup", good);
        assertThat(missing.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(missing.err()).contains("--reason TEXT");
    }
}
