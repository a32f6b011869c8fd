package dev.planb.cli;

import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.spi.DatabaseEngine;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code planb restore}'s options for the database's restore tool. */
final class LoadOptions {

    @Mixin
    ToolOptions tools;

    @Option(names = "--no-owner", description = "PostgreSQL: do not restore the objects' owners; the restoring user owns them.")
    boolean noOwner;

    /** The engine for {@code jdbcUrl} with these options, or {@code null} for the default one. */
    DatabaseEngine engine(String jdbcUrl) {
        return EngineChoice.forUrl(jdbcUrl, tools, PostgresOptions.builder().noOwner(noOwner),
                noOwner ? List.of("--no-owner") : List.of());
    }
}
