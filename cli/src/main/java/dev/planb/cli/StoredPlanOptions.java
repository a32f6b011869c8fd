/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.PlanB;
import dev.planb.spi.Destination;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that pick one plan's backups on a destination: {@code --from URI} or {@code --config FILE}, and
 * {@code --plan NAME}, which may be left out where the destination (or the file) holds one plan.
 */
final class StoredPlanOptions {

    @Option(names = "--from", paramLabel = "URI", description = "Destination folder or URI that holds the backups.")
    String from;

    @Mixin
    ConfigOption config;

    @Option(names = "--plan", paramLabel = "NAME", description = "Plan (optional when the destination holds one plan).")
    String plan;

    /** The destination: {@code --from}, or the plan's first destination in the {@code --config} file. */
    Destination destination() {
        return config.destination(from, named().orElse(null));
    }

    /** The plan, if one was named: {@code --plan}, or with {@code --config} the file's only plan. */
    Optional<String> named() {
        return Optional.ofNullable(config.plan(plan));
    }

    /** The plan's name on {@code destination}: the one named, or the destination's only plan. */
    String name(Destination destination) {
        return PlanB.catalog(destination).resolvePlan(named());
    }
}
