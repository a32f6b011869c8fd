/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpTest {

    private static final Map<String, CommandLine> SUBCOMMANDS = PlanBCommand.commandLine().getSubcommands();

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void everySubcommandShowsItsOwnOptions(String help) {
        assertThat(SUBCOMMANDS).containsKeys("backup", "restore", "pull", "verify", "prune");
        SUBCOMMANDS.forEach((name, subcommand) -> {
            Cli.Result result = Cli.run(name, help);
            assertThat(result.exitCode()).as(name + " " + help + "\n" + result.err()).isZero();
            assertThat(result.err()).as(name).isEmpty();
            assertThat(result.out()).as(name).startsWith("Usage: planb " + name);
            for (OptionSpec option : subcommand.getCommandSpec().options()) {
                assertThat(result.out()).as(name + " " + help).contains(option.longestName());
            }
        });
    }

    @Test
    void rootHelpListsEverySubcommandWithOneLine() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: planb");
        SUBCOMMANDS.forEach((name, subcommand) -> {
            String firstLine = subcommand.getCommandSpec().usageMessage().description()[0];
            assertThat(firstLine).as(name).isNotBlank();
            assertThat(result.out()).as(name).containsPattern("(?m)^ +" + name + " +\\Q" + firstLine + "\\E$");
        });
    }
}
