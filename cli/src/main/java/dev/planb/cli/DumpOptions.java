/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.DatabaseEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code planb backup}'s options for the database's dump tool: what to dump and how. */
final class DumpOptions {

    @Mixin
    ToolOptions tools;

    @Option(names = "--schema", paramLabel = "NAME", description = "PostgreSQL: dump only this schema (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "PostgreSQL: leave this schema out (repeatable).")
    List<String> excludedSchemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "[SCHEMA.]TABLE",
            description = "PostgreSQL: dump only this table (repeatable; no schema means public).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude-table", paramLabel = "[SCHEMA.]TABLE",
            description = "PostgreSQL: leave this table out (repeatable).")
    List<String> excludedTables = new ArrayList<>();

    @Option(names = "--format", paramLabel = "custom|directory",
            description = "PostgreSQL: pg_dump format; directory dumps with --jobs in parallel (default custom).")
    String format;

    /** The engine for {@code jdbcUrl} with these options, or {@code null} for the default one. */
    DatabaseEngine engine(String jdbcUrl) {
        PostgresOptions.Builder postgres = PostgresOptions.builder();
        schemas.forEach(postgres::schema);
        excludedSchemas.forEach(postgres::excludeSchema);
        tables.forEach(postgres::table);
        excludedTables.forEach(postgres::excludeTable);
        List<String> given = new ArrayList<>();
        addIf(given, !schemas.isEmpty(), "--schema");
        addIf(given, !excludedSchemas.isEmpty(), "--exclude-schema");
        addIf(given, !tables.isEmpty(), "--table");
        addIf(given, !excludedTables.isEmpty(), "--exclude-table");
        addIf(given, format != null, "--format");
        if (format != null) {
            postgres.format(switch (format.toLowerCase(Locale.ROOT)) {
                case "custom" -> PostgresOptions.Format.CUSTOM;
                case "directory" -> PostgresOptions.Format.DIRECTORY;
                default -> throw new PlanBException(ErrorCode.INVALID_SETTING, "--format " + format
                        + " is not a PostgreSQL dump format: use custom or directory");
            });
        }
        return EngineChoice.forUrl(jdbcUrl, tools, postgres, given);
    }

    private static void addIf(List<String> given, boolean condition, String option) {
        if (condition) {
            given.add(option);
        }
    }
}
