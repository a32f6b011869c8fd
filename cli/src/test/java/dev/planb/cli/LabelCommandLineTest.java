/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.spi.support.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup's label (e.g. the Spring Boot starter's {@code before V42__drop_legacy}) in list and status. */
class LabelCommandLineTest {

    @TempDir
    Path dir;
    Path backups;
    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        Path file = dir.resolve("app.db");
        DemoDatabase.create(file);
        database = "jdbc:sqlite:" + file;
        backups = dir.resolve("backups");
    }

    @Test
    void listAndStatusShowTheLabelInTextAndJson() throws Exception {
        String plain = backup();
        String labelled = backup("--label", "before V42__drop_legacy");

        Cli.Result list = Cli.run("list", "--from", backups.toString());
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines()).filteredOn(line -> line.contains(labelled)).singleElement()
                .satisfies(line -> assertThat(line).endsWith("  before V42__drop_legacy"));
        assertThat(list.out().lines()).filteredOn(line -> line.contains(plain)).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("before"));
        JsonNode json = Json.mapper().readTree(Cli.run("list", "--from", backups.toString(), "--json").out());
        assertThat(json.get(0).get("backupId").asText()).isEqualTo(labelled);
        assertThat(json.get(0).get("label").asText()).isEqualTo("before V42__drop_legacy");
        assertThat(json.get(1).has("label")).isFalse();

        Cli.Result status = Cli.run("status", "--from", backups.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("LABEL").containsPattern(labelled + " .* before V42__drop_legacy");
        JsonNode statusJson = Json.mapper().readTree(Cli.run("status", "--from", backups.toString(), "--json").out());
        assertThat(statusJson.get(0).get("label").asText()).isEqualTo("before V42__drop_legacy");
    }

    @Test
    void aLabelOnSeveralLinesIsRefusedBeforeTheBackup() {
        Cli.Result refused = Cli.run("backup", "--db", database, "--to", backups.toString(), "--label", "before\nV42");

        assertThat(refused.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(refused.err()).contains("planb: --label: invalid backup label").contains("use one line of text");
        assertThat(backups).doesNotExist();
    }

    private String backup(String... options) {
        List<String> args = new ArrayList<>(List.of("backup", "--db", database, "--to", backups.toString()));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }
}
