/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.spi.Destination;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that pick one stored backup: where it is, its plan, and its id. */
final class BackupSelection {

    @Option(names = "--from", paramLabel = "URI", description = "Destination holding the backup.")
    String from;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the plan's first destination from this configuration file instead of --from.")
    Path config;

    @Option(names = "--plan", paramLabel = "NAME", description = "Plan (optional when the destination holds one plan).")
    String plan;

    @Option(names = "--backup", paramLabel = "ID|latest", defaultValue = "latest",
            description = "Backup id, or latest (default).")
    String backup;

    /** The destination to read from; it must exist. */
    Destination destination() {
        return ConfigOption.destination(config, from, plan);
    }

    /** The plan, if one was named (with {@code --config}, the file's only plan when none was). */
    Optional<String> plan() {
        return Optional.ofNullable(ConfigOption.plan(config, plan));
    }
}
