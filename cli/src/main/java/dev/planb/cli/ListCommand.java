package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.planb.PlanB;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.Manifest;
import dev.planb.internal.Json;
import dev.planb.internal.Sizes;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb list}: the backups on a destination, newest first. */
@Command(name = "list", description = "List the backups on a destination, newest first.")
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-20s %-24s %-20s %10s %10s %7s %10s%n";

    @Option(names = "--from", required = true, paramLabel = "URI", description = "Destination folder or file:/// URI.")
    String from;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan's backups.")
    String plan;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = PlanB.catalog(DestinationUris.forReading(from));
        List<Manifest> backups = plan == null ? catalog.backups() : catalog.backups(plan);
        if (plan != null && backups.isEmpty()) {
            catalog.find(plan, "latest"); // throws, naming the plans that do exist
        }
        List<BackupListing> listings = backups.stream().map(BackupListing::of).toList();
        if (json) {
            out.println(Json.mapper().writeValueAsString(listings));
        } else if (listings.isEmpty()) {
            spec.commandLine().getErr().println("No backups on " + catalog.destination().description());
        } else {
            out.printf(FORMAT, "PLAN", "BACKUP ID", "STARTED (UTC)", "SIZE", "DUMP", "TABLES", "ROWS");
            for (BackupListing listing : listings) {
                out.printf(FORMAT, listing.plan(), listing.backupId(), TIME.format(listing.startedAt()),
                        Sizes.format(listing.storedBytes()), Sizes.format(listing.dumpBytes()), listing.tables(),
                        listing.rows());
            }
        }
        out.flush();
        return 0;
    }
}
