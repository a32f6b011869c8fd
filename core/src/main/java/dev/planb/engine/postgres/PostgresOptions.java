/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link PostgresEngine} dumps and restores: which schemas and tables, the dump format, the
 * number of parallel jobs, ownership on restore, and where the PostgreSQL client tools are.
 *
 * <pre>{@code
 * PostgresOptions options = PostgresOptions.builder()
 *         .excludeSchema("audit")
 *         .format(PostgresOptions.Format.DIRECTORY).jobs(4)   // parallel pg_dump and pg_restore
 *         .build();
 * BackupPlan plan = BackupPlan.builder("app").database(source).engine(new PostgresEngine(options))...
 * }</pre>
 *
 * @param schemas the only schemas to dump ({@code pg_dump -n}); empty for all
 * @param excludedSchemas schemas not to dump ({@code -N})
 * @param tables the only tables to dump, as {@code schema.table} or {@code table} (in {@code public})
 *     ({@code -t}); when set, schemas are not consulted, as with {@code pg_dump}
 * @param excludedTables tables not to dump ({@code -T})
 * @param format the dump format
 * @param jobs parallel jobs: for the dump in {@link Format#DIRECTORY} format, and for every restore
 * @param noOwner whether a restore skips ownership ({@code pg_restore --no-owner}), so that another
 *     user than the one that owned the objects can restore
 * @param toolDirectory the folder holding {@code pg_dump} and {@code pg_restore}, or {@code null} to
 *     search {@code PATH} and {@code /usr/lib/postgresql/<version>/bin}
 */
public record PostgresOptions(List<String> schemas, List<String> excludedSchemas, List<String> tables,
        List<String> excludedTables, Format format, int jobs, boolean noOwner, Path toolDirectory) {

    /** The defaults: everything, custom format, one job, owners kept, tools searched for. */
    public static final PostgresOptions DEFAULTS = builder().build();

    /** How {@code pg_dump} writes the dump. */
    public enum Format {
        /** {@code pg_dump -Fc}: one stream, restored with {@code pg_restore}; the default. */
        CUSTOM,
        /**
         * {@code pg_dump -Fd -j N}: parallel dump into a private temporary folder (it needs the space
         * of the uncompressed dump), stored as one tar artifact; for big databases.
         */
        DIRECTORY
    }

    /**
     * Validates the values and copies the lists; {@link #builder()} is the easier way in.
     *
     * @param schemas the only schemas to dump; empty for all
     * @param excludedSchemas schemas not to dump
     * @param tables the only tables to dump; empty for all
     * @param excludedTables tables not to dump
     * @param format the dump format; required
     * @param jobs parallel jobs, 1 or more
     * @param noOwner whether a restore skips ownership
     * @param toolDirectory the folder holding the client tools, or {@code null} to search for them
     * @throws PlanBException naming the option when {@code format} is null or {@code jobs} is below 1
     */
    public PostgresOptions {
        schemas = List.copyOf(schemas);
        excludedSchemas = List.copyOf(excludedSchemas);
        tables = List.copyOf(tables);
        excludedTables = List.copyOf(excludedTables);
        if (format == null) {
            throw invalid("format is null: use Format.CUSTOM or Format.DIRECTORY");
        }
        if (jobs < 1) {
            throw invalid("jobs is " + jobs + ": give 1 or more parallel jobs");
        }
    }

    /** {@return the tool folder, when one was set} */
    public Optional<Path> tools() {
        return Optional.ofNullable(toolDirectory);
    }

    /** {@return whether only part of the database is dumped (any schema or table included or excluded)} */
    public boolean selectsPart() {
        return !schemas.isEmpty() || !excludedSchemas.isEmpty() || !tables.isEmpty() || !excludedTables.isEmpty();
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    private static PlanBException invalid(String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "PostgreSQL option " + problem);
    }

    /** Builds {@link PostgresOptions}. */
    public static final class Builder {
        private final List<String> schemas = new ArrayList<>();
        private final List<String> excludedSchemas = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private final List<String> excludedTables = new ArrayList<>();
        private Format format = Format.CUSTOM;
        private int jobs = 1;
        private boolean noOwner;
        private Path toolDirectory;

        private Builder() {
        }

        /**
         * Dumps only this schema (repeatable); its exact name, not a pattern.
         *
         * @param schema the schema's name
         * @return this builder
         * @throws PlanBException when the name is empty
         */
        public Builder schema(String schema) {
            schemas.add(requireName("schema", schema));
            return this;
        }

        /**
         * Leaves this schema out (repeatable).
         *
         * @param schema the schema's exact name
         * @return this builder
         * @throws PlanBException when the name is empty
         */
        public Builder excludeSchema(String schema) {
            excludedSchemas.add(requireName("excluded schema", schema));
            return this;
        }

        /**
         * Dumps only this table (repeatable).
         *
         * @param table {@code schema.table}, or {@code table} for {@code public}
         * @return this builder
         * @throws PlanBException when the name is empty
         */
        public Builder table(String table) {
            tables.add(requireName("table", table));
            return this;
        }

        /**
         * Leaves this table out (repeatable).
         *
         * @param table {@code schema.table}, or {@code table} for {@code public}
         * @return this builder
         * @throws PlanBException when the name is empty
         */
        public Builder excludeTable(String table) {
            excludedTables.add(requireName("excluded table", table));
            return this;
        }

        /**
         * Sets the dump format.
         *
         * @param format the format (default {@link Format#CUSTOM})
         * @return this builder
         */
        public Builder format(Format format) {
            this.format = format;
            return this;
        }

        /**
         * Sets the parallel jobs for directory-format dumps and for restores.
         *
         * @param jobs 1 or more (default 1); checked by {@link #build()}
         * @return this builder
         */
        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        /**
         * Restore without setting owners ({@code pg_restore --no-owner}).
         *
         * @param noOwner whether to skip ownership (default {@code false})
         * @return this builder
         */
        public Builder noOwner(boolean noOwner) {
            this.noOwner = noOwner;
            return this;
        }

        /**
         * Sets where the client tools are.
         *
         * @param toolDirectory the folder holding {@code pg_dump} and {@code pg_restore}; {@code null} (the default) to search for them
         * @return this builder
         */
        public Builder toolDirectory(Path toolDirectory) {
            this.toolDirectory = toolDirectory;
            return this;
        }

        /**
         * Makes the options.
         *
         * @return the options
         * @throws PlanBException naming the option when a value is bad
         */

        public PostgresOptions build() {
            return new PostgresOptions(schemas, excludedSchemas, tables, excludedTables, format, jobs, noOwner,
                    toolDirectory);
        }

        private static String requireName(String what, String name) {
            if (name == null || name.isBlank()) {
                throw invalid(what + " is empty: give its exact name");
            }
            return name;
        }
    }
}
