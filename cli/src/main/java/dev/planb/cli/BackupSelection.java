package dev.planb.cli;

import dev.planb.spi.Destination;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that pick one stored backup: where it is, its plan, and its id. */
final class BackupSelection {

    @Option(names = "--from", required = true, paramLabel = "URI", description = "Destination holding the backup.")
    String from;

    @Option(names = "--plan", paramLabel = "NAME", description = "Plan (optional when the destination holds one plan).")
    String plan;

    @Option(names = "--backup", paramLabel = "ID|latest", defaultValue = "latest",
            description = "Backup id, or latest (default).")
    String backup;

    /** The destination to read from; it must exist. */
    Destination destination() {
        return DestinationUris.forReading(from);
    }

    /** The plan, if one was named. */
    Optional<String> plan() {
        return Optional.ofNullable(plan);
    }
}
