/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.planb.PlanB;
import dev.planb.ErrorCode;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.CatalogScan;
import dev.planb.catalog.DamagedBackup;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Json;
import dev.planb.spi.support.Sizes;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code planb list}: the backups on a destination, newest first. The log files of a point-in-time
 * chain are folded into one line under the chain's first backup, which shows a gap in the log;
 * {@code --logs} lists each.
 */
@Command(name = "list", description = {"List the backups on a destination, newest first.",
    "The log files of a point-in-time chain are summed up in one line under its first backup, with any GAP.",
    "A labelled backup (e.g. 'before V42__drop_legacy', taken before database migrations) shows its label.",
    "A backup whose manifest does not parse or does not match its checksum is listed as DAMAGED; then the exit"
        + " status is 17.",
    "HOLD shows until when a backup is held from retention ('planb hold'). --table T shows T's rows in each backup"
        + " and their trend, so the backup where it lost its rows is seen; --before TIME finds the last one before"
        + " a mistake."})
final class ListCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-20s %-24s %-4s %-20s %10s %10s %7s %10s  %-10s  %s";
    private static final String TABLE_FORMAT = "%-20s %-24s %-20s %12s  %-14s  %-10s  %s";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String INDENT = " ".repeat(21);

    @Option(names = "--from", paramLabel = "URI", description = "Destination folder or file:/// URI.")
    String from;

    @Mixin
    ConfigOption config;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan's backups.")
    String plan;

    @Option(names = "--logs", description = "List every shipped log file, not one line per chain.")
    boolean logs;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "Show this table's row count in each backup and its trend (e.g. orders, or public.orders).")
    String table;

    @Option(names = "--before", paramLabel = "TIME", description = "Only backups started before TIME: an ISO time"
            + " (2026-12-07T09:30:00Z; without zone: UTC), a day (2026-12-07), or a time ago (2h, 1d, 90m).")
    String before;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        plan = config.plan(plan);
        Catalog catalog = PlanB.catalog(config.destination(from, plan));
        CatalogScan scan = plan == null ? catalog.scan() : catalog.scan(plan);
        if (plan != null && scan.backups().isEmpty() && scan.damaged().isEmpty()) {
            catalog.find(plan, "latest"); // throws, naming the plans that do exist
        }
        Instant now = Instant.now();
        Optional<Instant> until = before == null ? Optional.empty() : Optional.of(TimeArgument.parse("--before", before, now));
        List<BackupListing> listings = withDamaged(listings(scan.backups()), scan.damaged()).stream()
                .filter(listing -> until.isEmpty() || listing.startedAt().isBefore(until.get())).toList();
        listings = withHolds(listings, catalog.destination(), now);
        if (table != null) {
            listings = TableTrend.of(table, listings, scan.backups());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (json) {
            out.println(Json.mapper().writeValueAsString(listings));
        } else if (listings.isEmpty()) {
            err.println("No backups on " + catalog.destination().description()
                    + until.map(time -> " started before " + time).orElse(""));
        } else if (table != null) {
            printTable(out, listings);
        } else {
            print(out, listings);
        }
        out.flush();
        if (scan.damaged().isEmpty()) {
            return 0;
        }
        err.println("planb: " + scan.damaged().size() + " DAMAGED backup(s) on " + catalog.destination().description()
                + ", newest " + scan.damaged().get(0).id() + ": their manifests do not parse or do not match their"
                + " checksums; restore and verify of 'latest' refuse while one is newer than the newest intact backup,"
                + " 'planb prune --include-damaged' deletes them");
        err.flush();
        return ErrorCode.DAMAGED_BACKUP.exitCode();
    }

    /** The listings with their backups' active holds, read once per plan. */
    private static List<BackupListing> withHolds(List<BackupListing> listings, Destination destination, Instant now) {
        Map<String, List<Hold>> holdsByPlan = new HashMap<>();
        List<BackupListing> held = new ArrayList<>();
        for (BackupListing listing : listings) {
            List<Hold> holds = holdsByPlan.computeIfAbsent(listing.plan(),
                    plan -> new Holds(destination).active(plan, now));
            held.add(listing.withHolds(holds.stream().filter(hold -> hold.backupId().value().equals(listing.backupId()))
                    .map(BackupListing.HoldListing::of).toList()));
        }
        return held;
    }

    /**
     * Merges the damaged backups into the listings, newest first by the time their ids carry (to the
     * second: a damaged backup comes first among those of its second, as it may be the newest).
     */
    private static List<BackupListing> withDamaged(List<BackupListing> listings, List<DamagedBackup> damaged) {
        List<BackupListing> all = new ArrayList<>(listings);
        for (DamagedBackup backup : damaged) {
            int at = 0;
            while (at < all.size() && all.get(at).startedAt().truncatedTo(ChronoUnit.SECONDS).isAfter(backup.id().time())) {
                at++;
            }
            all.add(at, BackupListing.of(backup));
        }
        return all;
    }

    /** Newest first: every backup but log files, each chain's log folded into its first backup (or all with --logs). */
    private List<BackupListing> listings(List<Manifest> backups) {
        Set<String> present = new HashSet<>();
        Map<String, List<Manifest>> chains = new LinkedHashMap<>();
        for (Manifest backup : backups) {
            present.add(key(backup.plan(), backup.backupId()));
            if (backup.isLog()) {
                chains.computeIfAbsent(key(backup.plan(), backup.parentId()), k -> new ArrayList<>()).add(backup);
            }
        }
        List<BackupListing> listings = new ArrayList<>();
        for (Manifest backup : backups) {
            if (!backup.isLog()) {
                List<Manifest> chain = chains.get(key(backup.plan(), backup.backupId()));
                listings.add(BackupListing.of(backup, false, chain == null ? null : ChainSummary.of(backup, chain)));
                continue;
            }
            String parent = key(backup.plan(), backup.parentId());
            boolean orphan = !present.contains(parent);
            // The log of a chain whose first backup is missing is summed up at its newest file.
            ChainSummary summary = orphan && chains.get(parent).get(0) == backup ? ChainSummary.of(null, chains.get(parent))
                    : null;
            if (logs || summary != null) {
                listings.add(BackupListing.of(backup, orphan, summary));
            }
        }
        return listings;
    }

    private static String key(String plan, String id) {
        return plan + "/" + id;
    }

    private static void print(PrintWriter out, List<BackupListing> listings) {
        out.println(line("PLAN", "BACKUP ID", "KIND", "STARTED (UTC)", "SIZE", "DUMP", "TABLES", "ROWS", "HOLD", ""));
        for (BackupListing listing : listings) {
            if (listing.isDamaged()) {
                out.println(line(listing.plan(), listing.backupId(), "-", TIME.format(listing.startedAt()), "-", "-", "-",
                        "-", "-", "DAMAGED: " + listing.damaged()));
                continue;
            }
            boolean log = Manifest.KIND_LOG.equals(listing.kind());
            String label = listing.label() == null ? "" : listing.label();
            String note = !log ? label : listing.logFile() + (listing.partial() ? " (partial)" : "")
                    + (listing.parentMissing() ? ", its chain's first backup " + listing.parentId() + " is not here" : "");
            out.println(line(listing.plan(), listing.backupId(), listing.kind(), TIME.format(listing.startedAt()),
                    Sizes.format(listing.storedBytes()), Sizes.format(listing.dumpBytes()),
                    log ? "-" : String.valueOf(listing.tables()), log ? "-" : String.valueOf(listing.rows()),
                    hold(listing), note));
            if (listing.log() != null) {
                out.println(INDENT + listing.log().describe());
            }
            listing.holds().forEach(hold -> out.println(INDENT + "held until " + hold.expiresAt() + ": " + hold.reason()));
        }
    }

    /** With --table: one line per backup with that table's rows and trend. */
    private void printTable(PrintWriter out, List<BackupListing> listings) {
        out.println(String.format(TABLE_FORMAT, "PLAN", "BACKUP ID", "STARTED (UTC)", "ROWS", "TREND", "HOLD",
                table.toUpperCase(java.util.Locale.ROOT)).stripTrailing());
        for (BackupListing listing : listings) {
            if (Manifest.KIND_LOG.equals(listing.kind())) {
                continue;
            }
            BackupListing.TableRows rows = listing.table();
            String count = listing.isDamaged() ? "DAMAGED" : rows == null || rows.rows() == null ? "-"
                    : String.valueOf(rows.rows());
            out.println(String.format(TABLE_FORMAT, listing.plan(), listing.backupId(), TIME.format(listing.startedAt()),
                    count, rows == null ? "" : rows.trend(), hold(listing), "").stripTrailing());
        }
    }

    private static String hold(BackupListing listing) {
        return listing.holds().stream().map(BackupListing.HoldListing::expiresAt).max(Instant::compareTo)
                .map(until -> until.equals(Instant.MAX) ? "released" : DAY.format(until)).map(day -> "until " + day)
                .orElse("-");
    }

    private static String line(Object... columns) {
        return String.format(FORMAT, columns).stripTrailing();
    }
}
