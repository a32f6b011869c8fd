/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.hold.Hold;
import dev.planb.hold.Holds;
import dev.planb.spi.BackupId;
import dev.planb.spi.Destination;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code planb hold}: keep a backup from every pruner until the hold expires or is released; {@code planb hold
 * release} releases it. Both write a new small object beside the backup and change nothing else, so they work on
 * write-once storage and on destinations that refuse deletes.
 */
@Command(name = "hold", subcommands = HoldCommand.Release.class, description = {
    "Keep a backup from every prune until the hold expires or is released.",
    "No prune (here, on another host, or on a pull host that pulls the hold) deletes a held backup, e.g. the last"
            + " good one before a risky deploy. The hold is a new object beside the backup; nothing is rewritten."
            + " 'planb list' shows it (HOLD)."})
final class HoldCommand implements Callable<Integer> {

    @Mixin
    StoredPlanOptions stored;

    // Checked in call(), not by picocli: 'planb hold release' must not ask for them.
    @Option(names = "--backup", paramLabel = "ID", description = "The backup to hold, as 'planb list' shows it (required).")
    String backup;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for whoever lists the backups later (required).")
    String reason;

    @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "30d",
            description = "How long the hold lasts, e.g. 7d, 12h, 2w (default: ${DEFAULT-VALUE}).")
    Duration expires;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (backup == null || reason == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "planb hold needs --backup ID and --reason TEXT"
                    + " ('planb list --from URI' shows the ids); to release a hold: planb hold release --backup ID");
        }
        Destination destination = stored.destination();
        String name = stored.name(destination);
        Hold hold = new Holds(destination).place(name, new BackupId(backup), reason, Instant.now().plus(expires));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Backup " + hold.backupId() + " of plan '" + name + "' on " + destination.description()
                + " is held until " + hold.expiresAt() + " (hold " + hold.id() + "): " + hold.reason());
        out.println("Release it with: planb hold release --from " + destination.description() + " --plan " + name
                + " --backup " + hold.backupId());
        out.flush();
        return 0;
    }

    /** {@code planb hold release}: ends every active hold on a backup by writing a release beside each. */
    @Command(name = "release", description = {"Release the holds on a backup: retention may delete it again.",
        "Writes a release object beside each hold; nothing is deleted, so it works where deletes are refused."})
    static final class Release implements Callable<Integer> {

        @Mixin
        StoredPlanOptions stored;

        @Option(names = "--backup", paramLabel = "ID", required = true, description = "The held backup.")
        String backup;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why, recorded with the release.")
        String reason;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Destination destination = stored.destination();
            String name = stored.name(destination);
            List<Hold> released = new Holds(destination).release(name, new BackupId(backup), reason);
            PrintWriter out = spec.commandLine().getOut();
            for (Hold hold : released) {
                out.println("Released hold " + hold.id() + " on backup " + hold.backupId() + " of plan '" + name + "' on "
                        + destination.description() + " (" + hold.reason() + ")");
            }
            out.flush();
            return 0;
        }
    }
}
