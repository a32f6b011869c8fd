/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.planb.BackupPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParseResult;

/**
 * The ways docs/examples run {@code planb run}: a systemd unit, a cron file and a Kubernetes CronJob. Each command line
 * is read by planb's own parser, each schedule by a cron parser, each embedded planb.yml by the configuration reader,
 * and each stop timeout is checked to be longer than the grace period it must leave to a running backup.
 */
class OperatingExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    @TempDir
    Path dir;

    @Test
    void theSystemdUnitRunsPlanbAsAConfinedServiceAndWaitsLongerThanTheGracePeriod() throws Exception {
        List<String> unit = Files.readAllLines(EXAMPLES.resolve("planb.service"));

        ParseResult run = planb(words(value(unit, "ExecStart")));

        assertThat(run.hasMatchedOption("--once")).isFalse();
        assertThat(run.matchedOptionValue("--http", "")).startsWith("127.0.0.1:");
        Duration grace = run.matchedOptionValue("--grace", Duration.ZERO);
        assertThat(Duration.ofSeconds(Long.parseLong(value(unit, "TimeoutStopSec")))).isGreaterThan(grace);
        assertThat(unit).contains("ProtectSystem=strict", "PrivateTmp=true").anyMatch(line -> line.startsWith("LoadCredential="));
    }

    @Test
    void theCronFileRunsEveryPlanOnceOnAValidSchedule() throws Exception {
        List<String> entries = Files.readAllLines(EXAMPLES.resolve("planb.cron")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.contains("=")).toList();

        assertThat(entries).singleElement().satisfies(entry -> {
            List<String> fields = words(entry);
            UNIX_CRON.parse(String.join(" ", fields.subList(0, 5))).validate();
            assertThat(fields.get(5)).as("the user").isEqualTo("planb");
            ParseResult run = planb(fields.subList(6, fields.size()));
            assertThat(run.hasMatchedOption("--once")).isTrue();
        });
    }

    @Test
    void theKubernetesCronJobRunsTheConfigMapsPlansOnceAndWaitsLongerThanTheGracePeriod() throws Exception {
        List<JsonNode> documents;
        try (var parser = new YAMLMapper().readerFor(JsonNode.class).readValues(EXAMPLES.resolve("kubernetes-cronjob.yml")
                .toFile())) {
            documents = parser.readAll().stream().map(JsonNode.class::cast).toList();
        }
        JsonNode configMap = kind(documents, "ConfigMap");
        JsonNode cronJob = kind(documents, "CronJob");
        JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        Path planbYml = Files.writeString(dir.resolve("planb.yml"), configMap.at("/data/planb.yml").asText());
        Files.writeString(dir.resolve("pgpw"), "x");
        List<BackupPlan> plans = ConfigFile.read(planbYml, Map.of("SECRETS_DIR", dir.toString())).plans();
        assertThat(plans).singleElement().satisfies(plan -> assertThat(plan.destinations()).hasSize(2));
        String secretVolume = StreamSupport.stream(pod.get("volumes").spliterator(), false)
                .filter(volume -> volume.has("secret")).findFirst().orElseThrow().get("name").asText();
        String secretMount = StreamSupport.stream(container.get("volumeMounts").spliterator(), false)
                .filter(mount -> mount.get("name").asText().equals(secretVolume)).findFirst().orElseThrow()
                .get("mountPath").asText();
        String passwordFile = new YAMLMapper().readTree(planbYml.toFile()).at("/plans/app/database/password-file").asText()
                .replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1"); // its default, as in the pod
        assertThat(passwordFile).as("the password file comes from the Secret").startsWith(secretMount + "/");
        assertThat(container.has("env")).as("no secret in the environment").isFalse();

        UNIX_CRON.parse(cronJob.at("/spec/schedule").asText()).validate();
        assertThat(cronJob.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        List<String> commandLine = StreamSupport.stream(container.get("command").spliterator(), false).map(JsonNode::asText)
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        container.get("args").forEach(arg -> commandLine.add(arg.asText()));
        ParseResult run = planb(commandLine);
        assertThat(run.hasMatchedOption("--once")).isTrue();
        assertThat(pod.at("/volumes").findValuesAsText("name")).contains("config");
        assertThat(run.matchedOptionValue("--config", Path.of("")).getParent().toString())
                .isEqualTo(container.at("/volumeMounts/0/mountPath").asText());
        Duration grace = run.matchedOptionValue("--grace", Duration.ZERO);
        assertThat(Duration.ofSeconds(pod.at("/terminationGracePeriodSeconds").asLong())).isGreaterThan(grace);
    }

    /** The {@code run} subcommand as planb's own command line reads {@code words} (the program's name first). */
    private static ParseResult planb(List<String> words) {
        assertThat(words.get(0)).endsWith("planb");
        ParseResult parsed = PlanBCommand.commandLine().parseArgs(words.subList(1, words.size()).toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
        return parsed.subcommand();
    }

    private static String value(List<String> unit, String key) {
        return unit.stream().filter(line -> line.startsWith(key + "=")).findFirst().orElseThrow()
                .substring(key.length() + 1);
    }

    private static List<String> words(String line) {
        return Arrays.asList(line.strip().split("\\s+"));
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(document -> document.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }
}
