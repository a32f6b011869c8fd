/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.spi.Destination;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that pick one stored backup: where it is, its plan, and its id. */
final class BackupSelection {

    @Mixin
    StoredPlanOptions stored;

    @Option(names = "--backup", paramLabel = "ID|latest", defaultValue = "latest",
            description = "Backup id, or latest (default).")
    String backup;

    /** The destination to read from; it must exist. */
    Destination destination() {
        return stored.destination();
    }

    /** The plan, if one was named (with {@code --config}, the file's only plan when none was). */
    Optional<String> plan() {
        return stored.named();
    }
}
