/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.Destination;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} on commands that read a destination: the plan ({@code --plan}, or the file's
 * only plan) gives the destination, its first one, instead of {@code --from}.
 */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the plan's first destination from this configuration file instead of --from.")
    Path config;

    /** The destination: {@code --from}, or the plan's first destination. */
    Destination destination(String from, String plan) {
        if (config == null) {
            if (from == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Missing --from URI (or --config FILE [--plan NAME])");
            }
            return DestinationUris.forReading(from);
        }
        if (from != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--config " + config
                    + " gives the destination: leave out --from, or leave out --config");
        }
        return ConfigFile.read(config).plan(plan).destinations().get(0);
    }

    /** The plan: {@code --plan}, or with {@code --config} the file's only plan; null when neither says. */
    String plan(String plan) {
        return plan != null || config == null ? plan : ConfigFile.read(config).plan(null).name();
    }
}
