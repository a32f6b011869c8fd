/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.DatabaseEngine;
import java.util.List;

/** Turns the engine options of the command line into a configured engine for a JDBC URL. */
final class EngineChoice {

    private EngineChoice() {
    }

    /**
     * The engine for {@code jdbcUrl} with the options given, or {@code null} for the default one
     * when the URL's engine takes no options (or there is no URL).
     *
     * @param postgres the PostgreSQL options, already filled from the command line
     * @param postgresOnly the PostgreSQL-only options given, by name, to refuse them for other databases
     */
    static DatabaseEngine forUrl(String jdbcUrl, ToolOptions tools, PostgresOptions.Builder postgres,
            List<String> postgresOnly) {
        return forUrl(jdbcUrl, tools, postgres, postgresOnly, MariaDbOptions.Definers.KEEP);
    }

    /** As {@link #forUrl(String, ToolOptions, PostgresOptions.Builder, List)}, restoring MariaDB definers as {@code definers} says. */
    static DatabaseEngine forUrl(String jdbcUrl, ToolOptions tools, PostgresOptions.Builder postgres,
            List<String> postgresOnly, MariaDbOptions.Definers definers) {
        if (jdbcUrl == null) {
            return null;
        }
        boolean mariaDb = jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:");
        if (!mariaDb && definers != MariaDbOptions.Definers.KEEP) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--definers applies to MariaDB and MySQL only: leave it out"
                    + " for this database (PostgreSQL: --no-owner makes the restoring user own the objects)");
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            if (tools.jobs != null) {
                postgres.jobs(tools.jobs);
            }
            return new PostgresEngine(postgres.toolDirectory(tools.tools).build());
        }
        List<String> refused = new java.util.ArrayList<>(postgresOnly);
        if (tools.jobs != null) {
            refused.add("--jobs");
        }
        if (!mariaDb && tools.tools != null) {
            refused.add("--tools");
        }
        if (!refused.isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, String.join(", ", refused) + " "
                    + (refused.size() == 1 ? "applies" : "apply") + " to PostgreSQL only"
                    + (mariaDb ? "" : " (--tools to PostgreSQL and MariaDB)") + ": leave "
                    + (refused.size() == 1 ? "it" : "them") + " out for this database");
        }
        return mariaDb ? new MariaDbEngine(new MariaDbOptions(tools.tools, definers)) : null;
    }
}
