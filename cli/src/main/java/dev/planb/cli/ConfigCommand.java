/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.Preflight;
import dev.planb.PreflightReport;
import dev.planb.config.PlanSettings;
import dev.planb.pull.PullJob;
import dev.planb.spi.support.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code planb config}: work with configuration files. */
@Command(name = "config", description = "Work with a configuration file (planb.yml).",
        subcommands = ConfigCommand.Check.class)
final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code planb config check FILE}: validates without touching anything, and prints what it understood. */
    @Command(name = "check", description = {"Check a configuration file without touching any database or destination.",
        "Prints every plan as understood, defaults and PLANB_* overrides included; secrets show as ******.",
        "With --doctor, also runs planb doctor's checks against each plan's database and destinations",
        "(exit status 16 when something blocks a backup)."})
    static final class Check implements Callable<Integer> {

        /** Keys whose values may carry credentials in them: shown redacted. */
        private static final Set<String> URLS = Set.of("url", "uri", "from", "to");

        @Parameters(paramLabel = "FILE", description = "The configuration file.")
        Path file;

        @Option(names = "--doctor", description = "Also check each plan's database, tools, privileges and destinations.")
        boolean doctor;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            ConfigFile config = ConfigFile.read(file);
            List<BackupPlan> plans = config.plans();
            List<PullJob> pulls = config.pulls();
            ObjectMapper mapper = ConfigFile.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
            out.print(mapper.writeValueAsString(masked(mapper.valueToTree(config.settings()), "")));
            for (BackupPlan plan : plans) {
                out.println("# plan '" + plan.name() + "': " + plan.engine().name() + ", " + plan.schedule().orElseThrow()
                        + ", " + plan.destinations().size() + " destination(s)");
            }
            pulls.forEach(pull -> out.println("# pull '" + pull.name() + "': " + pull.schedule().orElseThrow()));
            out.println("# " + file + ": OK, " + plans.size() + " plan(s), " + pulls.size() + " pull(s)");
            boolean blocked = false;
            if (doctor) {
                for (BackupPlan plan : plans) {
                    PlanSettings settings = config.settings().getPlans().get(plan.name());
                    PreflightReport report = Preflight.of(plan)
                            .streaming(settings != null && settings.getStreaming().isEnabled()).run();
                    out.println("# doctor, plan '" + plan.name() + "':");
                    report.findings().forEach(finding -> out.println(finding.toString()));
                    out.println(report.summary());
                    blocked |= report.blocksBackup();
                }
            }
            out.flush();
            return blocked ? ErrorCode.PREFLIGHT_BLOCKED.exitCode() : 0;
        }

        private static JsonNode masked(JsonNode node, String name) {
            if (node instanceof ObjectNode object) {
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    field.setValue(masked(field.getValue(), field.getKey()));
                }
                object.properties().removeIf(field -> field.getValue().isObject() && field.getValue().isEmpty());
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, masked(array.get(i), name));
                }
            } else if (node.isTextual() && ConfigParser.SECRET_KEYS.contains(name)) {
                return TextNode.valueOf("******");
            } else if (node.isTextual() && URLS.contains(name)) {
                return TextNode.valueOf(Redaction.url(node.asText()));
            }
            return node;
        }
    }
}
