/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.spi.Destination;
import dev.planb.config.DurationText;
import dev.planb.spi.support.Json;
import dev.planb.spi.support.Sizes;
import dev.planb.status.DestinationStatus;
import dev.planb.status.PlanStatus;
import dev.planb.status.StatusBoard;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb status}: each plan's newest backup on a destination, and whether it is too old. */
@Command(name = "status", description = {"Show each plan's newest backup on a destination and its age.",
    "With --max-age, exit with status 15 when a plan's newest backup is older: for cron or a monitoring system.",
    "Exit with status 17 when a plan's newest backup is DAMAGED (its manifest does not parse or does not match its"
        + " checksum).",
    "State CHANGED: a backup showed tables dropped or emptied and the last good backup is held (see planb hold)."})
final class StatusCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String FORMAT = "%-12s %-7s %-24s %-20s %-12s %10s  %-8s %-7s %s";

    @Option(names = "--from", paramLabel = "URI", description = "Destination folder or file:/// URI.")
    String from;

    @Mixin
    ConfigOption config;

    @Option(names = "--plan", paramLabel = "NAME", description = "Only this plan.")
    String plan;

    @Option(names = "--max-age", paramLabel = "DURATION",
            description = "Oldest acceptable newest backup, e.g. 26h, 90m, 2d, 1d12h or PT26H.")
    String maxAge;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        Optional<Duration> limit = maxAge();
        plan = config.plan(plan);
        Destination source = config.destination(from, plan);
        Catalog catalog = PlanB.catalog(source);
        List<String> plans = plans(catalog);
        Clock clock = Clock.systemUTC();
        StatusBoard board = new StatusBoard(clock);
        for (String name : plans) {
            board.track(name, limit);
            board.rebuild(name, catalog);
        }
        Instant now = clock.instant();
        List<PlanStatus> statuses = board.all();
        for (PlanStatus status : statuses) {
            if (status.lastSuccess().isEmpty() && status.damaged().isEmpty()) {
                throw new PlanBException(ErrorCode.DESTINATION_FAILED, status.destinations().stream()
                        .map(DestinationStatus::lastFailure).flatMap(Optional::stream).map(failure -> failure.message())
                        .findFirst().orElse("No backups of plan '" + status.plan() + "' on " + (from != null ? from : source.description())));
            }
        }
        List<StatusListing> listings = statuses.stream().map(status -> StatusListing.of(status, now)).toList();
        print(listings);
        PrintWriter err = spec.commandLine().getErr();
        listings.stream().filter(StatusListing::stale).forEach(stale -> err.println("planb: plan '" + stale.plan()
                + "' is stale: its newest backup is " + DurationText.format(Duration.ofSeconds(stale.ageSeconds()))
                + " old, more than --max-age " + DurationText.format(limit.orElseThrow())));
        listings.stream().filter(StatusListing::isDamaged).forEach(damaged -> err.println("planb: plan '"
                + damaged.plan() + "' is DAMAGED: its newest backup " + damaged.newestDamaged() + " cannot be used ("
                + damaged.damage() + "); " + (damaged.backupId() == null ? "it has no intact backup here"
                        : "the newest intact one is " + damaged.backupId()) + ": take a new backup now"));
        listings.stream().filter(listing -> listing.destructiveChange() != null).forEach(listing -> err.println(
                "planb: plan '" + listing.plan() + "' had a DESTRUCTIVE CHANGE in backup "
                        + listing.destructiveChange().backupId() + ": " + listing.destructiveChange().tables()
                        + "; the last good backup " + listing.destructiveChange().lastGoodBackupId() + " is held until "
                        + listing.destructiveChange().heldUntil() + " ('planb hold release' when all is well)"));
        listings.stream().filter(listing -> !listing.isDamaged() && listing.damaged() > 0).forEach(listing ->
                err.println("planb: plan '" + listing.plan() + "' has " + listing.damaged() + " older DAMAGED backup(s):"
                        + " 'planb list' names them"));
        err.flush();
        if (listings.stream().anyMatch(StatusListing::isDamaged)) {
            return ErrorCode.DAMAGED_BACKUP.exitCode();
        }
        return listings.stream().anyMatch(StatusListing::stale) ? ErrorCode.STALE.exitCode() : 0;
    }

    private Optional<Duration> maxAge() {
        if (maxAge == null) {
            return Optional.empty();
        }
        Duration parsed = DurationText.tryParse(maxAge).filter(duration -> !duration.isNegative() && !duration.isZero())
                .orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING, "--max-age '" + maxAge
                        + "' is not a duration: use e.g. 26h, 90m, 2d, 1d12h or PT26H"));
        return Optional.of(parsed);
    }

    private List<String> plans(Catalog catalog) {
        if (plan != null) {
            if (catalog.newestId(plan).isEmpty()) {
                catalog.find(plan, "latest"); // throws, naming the plans that do exist
            }
            return List.of(plan);
        }
        List<String> plans = catalog.plans();
        if (plans.isEmpty()) {
            catalog.resolvePlan(Optional.empty()); // throws "No backups on …"
        }
        return plans;
    }

    private void print(List<StatusListing> listings) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writeValueAsString(listings));
        } else {
            out.println(String.format(FORMAT, "PLAN", "STATE", "NEWEST BACKUP", "FINISHED (UTC)", "AGE", "SIZE", "MAX AGE",
                    "DAMAGED", "LABEL").stripTrailing());
            for (StatusListing listing : listings) {
                boolean none = listing.backupId() == null;
                out.println(String.format(FORMAT, listing.plan(), listing.state(), listing.isDamaged() ? listing.newestDamaged()
                        : listing.backupId(), none || listing.isDamaged() ? "-" : TIME.format(listing.finishedAt()),
                        none || listing.isDamaged() ? "-" : DurationText.format(Duration.ofSeconds(listing.ageSeconds())),
                        none || listing.isDamaged() ? "-" : Sizes.format(listing.storedBytes()),
                        listing.maxAgeSeconds() == null ? "-" : DurationText.format(Duration.ofSeconds(listing.maxAgeSeconds())),
                        String.valueOf(listing.damaged()), none || listing.isDamaged() || listing.label() == null ? ""
                                : listing.label()).stripTrailing());
            }
        }
        out.flush();
    }
}
