/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.config.PlanSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb runbook}: the recovery checklist of a plan, from its copies (and its configuration). */
@Command(name = "runbook", description = {"Print the recovery runbook of a plan.",
    "Where every copy is, what reaching each takes, the exact restore commands (newest backup, point in time), the"
        + " last passed drill and who is told. Read from the copies themselves, so it is as current as the backups;"
        + " regenerate it after every change."})
final class RunbookCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { markdown, html }

    @Option(names = "--from", paramLabel = "URI", description = "A copy of the plan's backups (repeatable; with"
            + " --config, copies besides the plan's destinations, e.g. where pull mode puts them).")
    List<String> from = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file: every destination of the"
            + " plan is a copy, and its schedule, notifiers and variable names go in the runbook.")
    Path config;

    @Option(names = "--plan", paramLabel = "NAME", description = "The plan (optional when there is only one).")
    String plan;

    @Option(names = "--format", paramLabel = "markdown|html", description = "Markdown (default) or a standalone HTML"
            + " page.")
    Format format = Format.markdown;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the runbook to this file instead of"
            + " standard output.")
    Path output;

    @Option(names = "--to-db", paramLabel = "JDBC_URL", description = "The database the printed restore commands"
            + " restore into (default: the one the backups came from).")
    String targetUrl;

    @Option(names = "--user", paramLabel = "USER", description = "The user the printed restore commands log in as"
            + " (default: the plan's database user, with --config).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "The variable the printed restore commands"
            + " read that user's password from (default: PLANB_RESTORE_PASSWORD).")
    String passwordVariable = "PLANB_RESTORE_PASSWORD";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (from.isEmpty() && config == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "runbook needs --from URI (repeatable) or --config FILE"
                    + " [--plan NAME]");
        }
        Set<String> uris = new LinkedHashSet<>();
        PlanSettings settings = null;
        String name = plan;
        if (config != null) {
            ConfigFile file = ConfigFile.read(config);
            name = file.planName(plan);
            settings = file.planSettings(name);
            settings.getDestinations().forEach(destination -> uris.add(destination.getUri()));
        }
        uris.addAll(from);
        List<Runbook.Copy> copies = uris.stream().map(uri -> new Runbook.Copy(uri, DestinationUris.forWriting(uri)))
                .toList();
        if (name == null) {
            name = new Catalog(copies.get(0).destination()).resolvePlan(Optional.empty());
        }
        String restoreUser = user != null ? user : settings == null ? null : settings.getDatabase().getUsername();
        Runbook.Written written = Runbook.write(name, copies, settings, new Runbook.Target(targetUrl, restoreUser,
                passwordVariable), Instant.now(), regenerate());
        String text = format == Format.html ? written.document().html() : written.document().markdown();
        PrintWriter err = spec.commandLine().getErr();
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            err.println("Runbook of plan '" + name + "' written to " + output);
        }
        written.warnings().forEach(warning -> err.println("  WARNING " + warning));
        err.flush();
        return 0;
    }

    /** This command line again, for the runbook's header (it holds no secret: secrets are never arguments). */
    private String regenerate() {
        StringBuilder command = new StringBuilder("planb runbook");
        from.forEach(uri -> command.append(" --from ").append(Runbook.quote(uri)));
        if (config != null) {
            command.append(" --config ").append(Runbook.quote(config.toString()));
        }
        if (plan != null) {
            command.append(" --plan ").append(plan);
        }
        if (format != Format.markdown) {
            command.append(" --format ").append(format);
        }
        if (targetUrl != null) {
            command.append(" --to-db ").append(Runbook.quote(targetUrl));
        }
        if (user != null) {
            command.append(" --user ").append(Runbook.quote(user));
        }
        if (!passwordVariable.equals("PLANB_RESTORE_PASSWORD")) {
            command.append(" --password-env ").append(passwordVariable);
        }
        if (output != null) {
            command.append(" --output ").append(Runbook.quote(output.toString()));
        }
        return command.toString();
    }
}
