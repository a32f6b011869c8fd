/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Writes {@code docs/reference/cli.md}, every command and option of {@code planb}, from picocli's model. */
final class CliReference {

    private CliReference() {
    }

    /** The reference page of {@code root} and every subcommand below it, in declaration order. */
    static String markdown(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder page = new StringBuilder()
                .append("# Command-line reference\n\n")
                .append("<!-- Generated from the picocli model by CliReferenceTest: do not edit. Rewrite it with\n")
                .append("     mvn -B -o -q verify -pl cli -am -Dtest=CliReferenceTest -Dsurefire.failIfNoSpecifiedTests=false")
                .append(" -Dplanb.docs.write=true -->\n\n")
                .append(text(spec.usageMessage().description())).append("\n\n")
                .append("Every command also takes the global options below. What the commands do, with examples: ")
                .append("[the command line](../getting-started/cli.md); exit statuses: ")
                .append("[exit codes](../troubleshooting.md#exit-codes).\n\n")
                .append("## Global options\n\n");
        options(page, spec.options());
        for (CommandLine sub : root.getSubcommands().values()) {
            command(page, sub.getCommandSpec());
        }
        return page.toString();
    }

    private static void command(StringBuilder page, CommandSpec spec) {
        page.append("\n## `").append(spec.qualifiedName()).append("`\n\n")
                .append(text(spec.usageMessage().description())).append("\n");
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            page.append("\n| parameter | meaning |\n| --- | --- |\n");
            positionals.forEach(p -> page.append("| `").append(p.paramLabel()).append("` | ")
                    .append(cell(text(p.description()))).append(" |\n"));
        }
        List<OptionSpec> own = spec.options().stream()
                .filter(o -> !o.inherited() && !o.usageHelp() && !o.versionHelp()).toList();
        if (!own.isEmpty()) {
            page.append('\n');
            options(page, own);
        }
        for (CommandLine sub : spec.subcommands().values()) {
            command(page, sub.getCommandSpec());
        }
    }

    private static void options(StringBuilder page, List<OptionSpec> options) {
        page.append("| option | meaning | default |\n| --- | --- | --- |\n");
        for (OptionSpec option : options) {
            if (option.hidden()) {
                continue;
            }
            page.append("| `").append(synopsis(option).replace("|", "\\|")).append("` | ")
                    .append(cell(text(option.description())))
                    .append(" | ").append(option.defaultValue() == null ? "" : "`" + option.defaultValue() + "`")
                    .append(" |\n");
        }
    }

    private static String synopsis(OptionSpec option) {
        String names = String.join(", ", option.names());
        if (option.arity().max() == 0) {
            return names;
        }
        return names + " " + option.paramLabel() + (option.isMultiValue() ? "..." : "");
    }

    private static String text(String[] lines) {
        return List.of(lines).stream().map(line -> line.replace("%n", " ").strip()).collect(Collectors.joining(" "));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;");
    }
}
