package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.Compression;
import dev.planb.DatabaseSource;
import dev.planb.engine.DatabaseEngines;
import dev.planb.spi.DatabaseEngine;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that make a plan, shared by {@code backup} and {@code stream}: the database, where copies go, the name, the format. */
final class PlanOptions {

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "Database to back up, e.g. jdbc:sqlite:app.db")
    String jdbcUrl;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--to", required = true, arity = "1..*", paramLabel = "URI",
            description = "Destination folder, file:///, s3://bucket/prefix or sftp:// URI; repeat for more copies.")
    List<String> destinations;

    @Option(names = "--plan", paramLabel = "NAME", description = "Plan name (default: the database's name).")
    String plan;

    @Option(names = "--compression", paramLabel = "zstd|gzip|none", defaultValue = "zstd",
            description = "Compression (default: ${DEFAULT-VALUE}).")
    String compression;

    @Mixin
    EncryptionOptions encryption;

    /** The database, with its credentials. */
    DatabaseSource source() {
        return database.source(jdbcUrl);
    }

    /** A plan of these settings, with {@code engine} ({@code null}: the one the URL chooses), ready for more settings. */
    BackupPlan.Builder planBuilder(DatabaseEngine engine) {
        DatabaseSource source = source();
        String name = plan != null ? plan : (engine != null ? engine : DatabaseEngines.forUrl(jdbcUrl)).defaultPlanName(source);
        BackupPlan.Builder builder = BackupPlan.builder(name)
                .database(source)
                .engine(engine)
                .compression(Compression.fromId(compression))
                .encryption(encryption.encryption());
        destinations.stream().map(DestinationUris::forWriting).forEach(builder::destination);
        return builder;
    }
}
