/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBCommandTest {

    @Test
    void aCommandLineForOneSubcommandHoldsOnlyThatOne() {
        assertThat(PlanBCommand.commandLine("backup", "--plan", "orders").getSubcommands()).containsOnlyKeys("backup");
        assertThat(PlanBCommand.commandLine("--verbose", "restore", "--help").getSubcommands())
                .containsOnlyKeys("restore");
        assertThat(PlanBCommand.commandLine("-V", "--verbose", "backup").getSubcommands()).containsOnlyKeys("backup");
        assertThat(PlanBCommand.commandLine("hold", "release").getSubcommands().get("hold").getSubcommands())
                .containsOnlyKeys("release");
    }

    @Test
    void withoutAKnownSubcommandEveryOneIsThere() {
        int all = PlanBCommand.commandLine().getSubcommands().size();

        assertThat(all).isGreaterThan(10);
        assertThat(PlanBCommand.commandLine("--help").getSubcommands()).hasSize(all);
        assertThat(PlanBCommand.commandLine("bakup", "--plan", "orders").getSubcommands()).hasSize(all);
        assertThat(PlanBCommand.commandLine("--verbose", "-h").getSubcommands()).hasSize(all);
        assertThat(PlanBCommand.commandLine("--verbose", "--bogus", "backup").getSubcommands()).hasSize(all);
        assertThat(PlanBCommand.commandLine("--verbose", "--version").getSubcommands()).isEmpty();
    }

    @Test
    void aMisspeltSubcommandIsStillNamedWithTheOneMeant() {
        Cli.Result result = Cli.run("bakup", "--plan", "orders");

        assertThat(result.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(result.err()).contains("'bakup'").contains("(did you mean backup");
    }

    @Test
    void optionsOfTheRootReachTheOneSubcommand() {
        Cli.Result result = Cli.run("list", "--verbose", "--from", "/nonexistent/planb-folder-" + System.nanoTime());

        assertThat(result.err()).doesNotContain("Unknown option");
        for (String[] args : List.of(new String[] {"list", "--version"}, new String[] {"--version"},
                new String[] {"--version", "list"})) {
            Cli.Result version = Cli.run(args);
            assertThat(version.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(version.out()).as(String.join(" ", args)).startsWith("planb ");
        }
    }
}
