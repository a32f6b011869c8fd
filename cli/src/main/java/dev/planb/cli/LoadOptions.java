/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.mariadb.MariaDbOptions.Definers;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.DatabaseEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options for the database's restore tool, shared by {@code planb restore} and {@code planb verify}. */
final class LoadOptions {

    @Mixin
    ToolOptions tools;

    @Option(names = "--no-owner", description = "PostgreSQL: do not restore the objects' owners; the restoring user owns them.")
    boolean noOwner;

    @Option(names = "--definers", paramLabel = "keep|current-user", description = {"MariaDB/MySQL: keep the dump's"
            + " DEFINER clauses (default; needs SUPER or SET USER for other accounts' objects), or make the restoring"
            + " user the definer of every view, trigger, event and routine (current-user: needs no SUPER)."})
    String definers;

    /** The engine for {@code jdbcUrl} with these options, or {@code null} for the default one. */
    DatabaseEngine engine(String jdbcUrl) {
        List<String> postgresOnly = new ArrayList<>();
        if (noOwner) {
            postgresOnly.add("--no-owner");
        }
        return EngineChoice.forUrl(jdbcUrl, tools, PostgresOptions.builder().noOwner(noOwner), postgresOnly,
                definers());
    }

    private Definers definers() {
        if (definers == null) {
            return Definers.KEEP;
        }
        return switch (definers.toLowerCase(Locale.ROOT)) {
            case "keep" -> Definers.KEEP;
            case "current-user" -> Definers.CURRENT_USER;
            default -> throw new PlanBException(ErrorCode.INVALID_SETTING, "--definers " + definers
                    + " is not a choice: use keep or current-user");
        };
    }
}
