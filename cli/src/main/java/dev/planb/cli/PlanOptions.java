/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.Compression;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.engine.DatabaseEngines;
import dev.planb.spi.DatabaseEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that make a plan, shared by {@code backup} and {@code stream}: the database, where copies go, the name, the format. */
final class PlanOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Take the plan from this configuration file (planb.yml) instead of --db, --to and the rest.")
    Path config;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Database to back up, e.g. jdbc:sqlite:app.db")
    String jdbcUrl;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--to", arity = "1..*", paramLabel = "URI",
            description = "Destination folder, file:///, s3://bucket/prefix or sftp:// URI; repeat for more copies.")
    List<String> destinations;

    @Option(names = "--plan", paramLabel = "NAME",
            description = "Plan name (default: the database's name); with --config, the plan of the file to run.")
    String plan;

    @Option(names = "--compression", paramLabel = "zstd|gzip|none",
            description = "Compression (default: zstd; gzip, with a warning, where zstd's native library cannot load).")
    String compression;

    @Mixin
    EncryptionOptions encryption;

    /**
     * The plan {@code --config} and {@code --plan} name; empty without {@code --config}.
     *
     * @throws PlanBException when {@code --db} or {@code --to} are given too
     */
    Optional<BackupPlan> configured() {
        if (config == null) {
            return Optional.empty();
        }
        if (jdbcUrl != null || destinations != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--config " + config
                    + " gives the database and the destinations: leave out --db and --to, or leave out --config");
        }
        return Optional.of(ConfigFile.read(config).plan(plan));
    }

    /** The database, with its credentials. */
    DatabaseSource source() {
        return database.source(jdbcUrl);
    }

    /** A plan of these settings, with {@code engine} ({@code null}: the one the URL chooses), ready for more settings. */
    BackupPlan.Builder planBuilder(DatabaseEngine engine) {
        if (jdbcUrl == null || destinations == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Missing " + (jdbcUrl == null ? "--db" : "--to")
                    + ": give --db JDBC_URL and --to URI, or --config FILE [--plan NAME]");
        }
        DatabaseSource source = source();
        String name = plan != null ? plan : (engine != null ? engine : DatabaseEngines.forUrl(jdbcUrl)).defaultPlanName(source);
        BackupPlan.Builder builder = BackupPlan.builder(name)
                .database(source)
                .engine(engine)
                .encryption(encryption.encryption());
        if (compression != null) {
            builder.compression(Compression.fromId(compression));
        }
        destinations.stream().map(DestinationUris::forWriting).forEach(builder::destination);
        return builder;
    }
}
