/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** An unknown option is an error naming it, and never becomes the value of the option before it. */
class UnknownOptionTest {

    private static final String BOGUS = "--frobnicate";

    private static final Map<Class<?>, String> SAMPLES = Map.of(int.class, "1", Integer.class, "1", long.class, "1",
            Long.class, "1", Duration.class, "7d", ZoneId.class, "UTC");

    @TempDir
    Path dir;

    @Test
    void backupToAFolderWithAnUnknownOptionWritesNothing() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path target = dir.resolve("backups");

        Cli.Result result = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", target.toString(), BOGUS);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("planb: Unknown option: '" + BOGUS + "'");
        assertThat(result.out()).isEmpty();
        assertThat(target).doesNotExist();
        assertThat(Path.of(BOGUS)).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(database);
        }
    }

    @Test
    void everyCommandRefusesAnUnknownOptionAfterEachOptionThatTakesValues() {
        Map<String, CommandLine> subcommands = PlanBCommand.commandLine().getSubcommands();
        List<String> walked = new ArrayList<>();
        subcommands.forEach((name, subcommand) -> {
            for (OptionSpec option : subcommand.getCommandSpec().options()) {
                if (option.arity().max() == 0) {
                    continue;
                }
                String[] args = {name, option.longestName(), sampleValue(option), BOGUS};
                Cli.Result result = Cli.run(args);
                assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isEqualTo(2);
                assertThat(result.err()).as(String.join(" ", args)).contains("Unknown option: '" + BOGUS + "'");
                walked.add(name + " " + option.longestName());
            }
        });
        assertThat(walked).contains("backup --to", "pull --to", "backup --schema", "backup --encrypt-to",
                "backup --files", "stream --to");
    }

    @Test
    void anUnknownOptionIsRefusedAtEveryLevel() {
        Cli.Result root = Cli.run(BOGUS);
        Cli.Result sub = Cli.run("list", BOGUS, "--from", dir.toString());

        assertThat(root.exitCode()).isEqualTo(2);
        assertThat(root.err()).contains(BOGUS);
        assertThat(sub.exitCode()).isEqualTo(2);
        assertThat(sub.err()).contains("Unknown option: '" + BOGUS + "'");
    }

    /** A value the option's type accepts, so that the only thing wrong with the command line is the unknown option. */
    private String sampleValue(OptionSpec option) {
        Class<?> type = option.auxiliaryTypes()[0];
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return SAMPLES.getOrDefault(type, dir.resolve("value").toString());
    }
}
