/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.PlanB;
import dev.planb.catalog.Catalog;
import dev.planb.config.DurationText;
import dev.planb.config.PlanSettings;
import dev.planb.config.PlanSettings.NotifierSettings;
import dev.planb.spi.Destination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Sizes;
import dev.planb.verify.CheckOutcome;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The recovery checklist of one plan, read from its copies themselves (manifests and drill records) and, when given,
 * the plan's configuration (schedule, notifiers, variable names): where every copy is, what reaching it takes, the
 * restore commands for the newest backup and for a point in time, the last passed drill, and who is told.
 */
final class Runbook {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** A copy of the plan's backups: the URI the commands use, and the destination it names. */
    record Copy(String uri, Destination destination) {
    }

    /**
     * The database the printed restore commands restore into.
     *
     * @param jdbcUrl its URL, or {@code null} for the database the backups came from
     * @param user the user to restore as, or {@code null} to leave {@code --user} out
     * @param passwordVariable the variable the restore reads that user's password from
     */
    record Target(String jdbcUrl, String user, String passwordVariable) {
    }

    /** What one copy holds, or why it could not be read. */
    private record Found(int number, Copy copy, List<Manifest> backups, List<VerificationRecord> drills, String problem) {

        Optional<Manifest> newestDump() {
            return backups.stream().filter(Manifest::isDump).findFirst();
        }
    }

    private final String plan;
    private final List<Found> copies;
    private final PlanSettings settings;
    private final Target target;
    private final Instant now;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private Runbook(String plan, List<Found> copies, PlanSettings settings, Target target, Instant now) {
        this.plan = plan;
        this.copies = copies;
        this.settings = settings;
        this.target = target;
        this.now = now;
    }

    /**
     * A written runbook.
     *
     * @param document the runbook
     * @param warnings what in it needs attention now (an unreachable copy, no passed drill…), one line each
     */
    record Written(RunbookDocument document, List<String> warnings) {
    }

    /**
     * Reads every copy and writes the runbook; a copy that cannot be read is named as such, not fatal.
     *
     * @param settings the plan's configuration, or {@code null} when only its copies are known
     * @param regenerate the command that writes this runbook again
     */
    static Written write(String plan, List<Copy> copies, PlanSettings settings, Target target, Instant now,
            String regenerate) {
        List<Found> found = new ArrayList<>();
        for (Copy copy : copies) {
            found.add(read(found.size() + 1, plan, copy));
        }
        Runbook runbook = new Runbook(plan, found, settings, target, now);
        return new Written(runbook.document(regenerate), List.copyOf(runbook.warnings));
    }

    private static Found read(int number, String plan, Copy copy) {
        try {
            List<Manifest> backups = new Catalog(copy.destination()).backups(plan);
            VerificationLog log = new VerificationLog(copy.destination());
            List<VerificationRecord> drills = Stream.of(log.newestPassed(plan), log.newest(plan))
                    .flatMap(Optional::stream).toList();
            return new Found(number, copy, backups, drills, null);
        } catch (RuntimeException e) {
            return new Found(number, copy, List.of(), List.of(), Messages.firstLine(e));
        }
    }

    /** A paragraph that needs attention now: in the runbook, and in the warnings the command prints. */
    private void warn(RunbookDocument document, String text) {
        warnings.add(text);
        document.paragraph("WARNING: " + text);
    }

    private RunbookDocument document(String regenerate) {
        RunbookDocument document = new RunbookDocument("Recovery runbook: plan " + plan);
        document.paragraph("Generated " + TIME.format(now) + " UTC by PlanB " + PlanB.version() + " from the copies"
                + " themselves" + (settings == null ? "" : " and the plan's configuration") + ". Regenerate it after"
                + " every change to the plan: `" + regenerate + "`");
        Optional<Manifest> newest = copies.stream().flatMap(found -> found.newestDump().stream())
                .max(Comparator.comparing(Manifest::startedAt));
        whatIsBackedUp(document, newest);
        whereTheCopiesAre(document);
        beforeYouStart(document, newest);
        restoreNewest(document);
        restoreToPoint(document);
        lastDrill(document);
        whoIsTold(document);
        return document;
    }

    private void whatIsBackedUp(RunbookDocument document, Optional<Manifest> newest) {
        document.heading("What is backed up");
        List<String> items = new ArrayList<>();
        newest.ifPresent(manifest -> {
            items.add("Database: `" + manifest.database() + "` (" + manifest.engine().name() + " "
                    + manifest.engine().serverVersion() + ", dumped with " + manifest.engine().dumpTool() + " "
                    + manifest.engine().dumpToolVersion() + ")");
            items.add("Newest backup: " + manifest.backupId() + ", taken " + TIME.format(manifest.startedAt()) + " UTC ("
                    + ago(manifest.startedAt()) + " before this runbook): " + manifest.tables().size() + " tables, "
                    + manifest.totalRows() + " rows, " + Sizes.format(manifest.storedBytes()) + " stored");
        });
        if (newest.isEmpty()) {
            warnings.add("no copy holds a restorable backup of plan " + plan);
            items.add("WARNING: no copy holds a restorable backup of plan " + plan + ".");
        }
        if (settings != null) {
            items.add("Schedule: `" + settings.getSchedule() + "`" + (settings.getMaxAge() == null
                    ? "; no alarm watches the backups' age (set max-age)"
                    : "; an alarm goes off when no backup succeeded for " + DurationText.format(settings.getMaxAge())));
        }
        document.bullets(items);
    }

    private void whereTheCopiesAre(RunbookDocument document) {
        document.heading("1. Where the copies are");
        document.paragraph("Each copy is complete: any one of them restores the database.");
        List<List<String>> rows = new ArrayList<>();
        for (Found found : copies) {
            Optional<Manifest> dump = found.newestDump();
            rows.add(List.of(String.valueOf(found.number()), "`" + found.copy().uri() + "`",
                    found.problem() != null ? "UNREACHABLE when this runbook was made: " + found.problem()
                            : dump.map(manifest -> manifest.backupId() + " (" + TIME.format(manifest.startedAt()) + " UTC)")
                                    .orElse("none"),
                    found.problem() != null ? "?" : String.valueOf(found.backups().stream().filter(Manifest::isDump)
                            .count())));
        }
        document.table(List.of("Copy", "Where", "Newest backup", "Backups"), rows);
        copies.stream().filter(found -> found.problem() != null).forEach(found -> warnings.add("copy " + found.number()
                + " (" + found.copy().uri() + ") cannot be read: " + found.problem()));
    }

    private void beforeYouStart(RunbookDocument document, Optional<Manifest> newest) {
        document.heading("2. Before you start: what the recovery machine needs");
        document.paragraph("Nothing here comes from the production machine: keep these credentials and files where"
                + " an outage cannot reach them (a password manager, a safe).");
        List<String> needs = new ArrayList<>();
        needs.add("Java 17 or later and the PlanB command line (`planb`, or `java -jar planb.jar`)");
        newest.flatMap(manifest -> tools(manifest.engine().name(), manifest.engine().dumpToolVersion()))
                .ifPresent(needs::add);
        newest.ifPresent(manifest -> encryption(manifest, needs));
        if (needsPassword(newest)) {
            variables.put(target.passwordVariable(), "the password of " + (target.user() == null ? "the user"
                    : "`" + target.user() + "`") + " on the database you restore into");
        }
        variables.forEach((name, meaning) -> needs.add("`" + name + "`: " + meaning));
        document.bullets(needs);
        for (Found found : copies) {
            DestinationAccess access = DestinationAccess.of(found.copy().uri());
            List<String> items = new ArrayList<>(access.needs());
            access.variables().forEach((name, meaning) -> items.add("`" + name + "`: " + meaning));
            variables.putAll(access.variables());
            document.paragraph("Copy " + found.number() + ", `" + found.copy().uri() + "`:");
            document.bullets(items);
        }
        if (!variables.isEmpty()) {
            document.paragraph("Set the variables in the shell that runs the commands below (values from your password"
                    + " manager; never on a command line):");
            StringBuilder exports = new StringBuilder();
            variables.forEach((name, meaning) -> exports.append("read -rs ").append(name).append(" && export ")
                    .append(name).append("   # ").append(meaning.replace("`", "")).append('\n'));
            document.code(exports.toString());
        }
    }

    private void encryption(Manifest manifest, List<String> needs) {
        manifest.artifacts().stream().filter(Manifest.Artifact::isEncrypted).findFirst().ifPresent(artifact -> {
            if (Manifest.ENCRYPTION_PASSPHRASE.equals(artifact.encryption())) {
                variables.put(passphraseVariable(), "the backups' encryption passphrase");
            } else {
                needs.add("the private key that decrypts the backups (recipients " + String.join(", ",
                        artifact.recipients()) + "), kept offline: the commands read it from `PRIVATE_KEY_FILE`"
                        + ", so put its path there");
            }
        });
    }

    private void restoreNewest(RunbookDocument document) {
        document.heading("3. Restore the newest backup");
        List<Found> restorable = copies.stream().filter(found -> found.newestDump().isPresent()).toList();
        if (restorable.isEmpty()) {
            document.paragraph("No copy holds a restorable backup (a dump): see section 4.");
            return;
        }
        document.paragraph("From whichever copy you can reach (each command restores that copy's newest backup;"
                + " PlanB checks every checksum and compares the row counts with the manifest). A database that"
                + " already holds data is only replaced with `--force`.");
        for (Found found : restorable) {
            Manifest manifest = found.newestDump().orElseThrow();
            document.paragraph("From copy " + found.number() + ":");
            document.code("planb list --from " + quote(found.copy().uri()) + " --plan " + plan + "\n"
                    + "planb restore --from " + quote(found.copy().uri()) + " --plan " + plan + " --backup "
                    + manifest.backupId() + " --to-db " + quote(targetUrl(manifest)) + credentials(manifest)
                    + decryption(manifest));
        }
        Manifest manifest = restorable.get(0).newestDump().orElseThrow();
        document.paragraph("Without PlanB: each backup carries its own guide for stock tools, `"
                + Layout.key(plan, manifest.id(), Layout.RESTORE_GUIDE) + "` on the copy.");
    }

    private void restoreToPoint(RunbookDocument document) {
        document.heading("4. Restore to a point in time");
        Optional<Found> chained = copies.stream().filter(found -> found.backups().stream().anyMatch(Manifest::isLog))
                .findFirst();
        if (chained.isEmpty()) {
            document.paragraph("No copy holds a transaction-log chain: the plan restores to the times of its backups"
                    + " only. `planb stream` ships the log for point-in-time recovery.");
            return;
        }
        Found found = chained.get();
        Manifest base = found.backups().stream().filter(Manifest::startsChain).reduce((a, b) -> b).orElse(null);
        Instant until = found.backups().stream().filter(Manifest::isLog).map(Manifest::startedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        Manifest reference = base != null ? base : found.backups().get(0);
        document.paragraph("Copy " + found.number() + " holds a log chain" + (base == null ? "" : " from "
                + TIME.format(base.finishedAt()) + " UTC") + " until " + TIME.format(until) + " UTC. Give the moment"
                + " just before the mistake as `--at 'YYYY-MM-DD HH:MM:SS'` (UTC); the command below restores"
                + " everything shipped:");
        String common = "planb restore --from " + quote(found.copy().uri()) + " --plan " + plan + " --at '"
                + TIME.format(until) + "'";
        document.code("postgresql".equals(reference.engine().name())
                ? common + " --to-data-dir /var/lib/postgresql/restored" + decryption(reference)
                : common + " --to-db " + quote(targetUrl(reference)) + credentials(reference) + decryption(reference));
    }

    private void lastDrill(RunbookDocument document) {
        document.heading("5. The last restore drill");
        Optional<VerificationRecord> passed = newestDrill(VerificationRecord::passed);
        Optional<VerificationRecord> newest = newestDrill(record -> true);
        if (passed.isEmpty()) {
            warn(document, "no restore drill of plan " + plan + " has passed on any copy: nobody knows yet whether"
                    + " these backups restore, or how long it takes. Drill one now:");
            copies.stream().filter(found -> found.newestDump().isPresent()).findFirst().ifPresent(found -> document
                    .code("planb verify --from " + quote(found.copy().uri()) + " --plan " + plan + " --restore-to "
                            + quote(targetUrl(found.newestDump().orElseThrow()))));
        } else {
            VerificationRecord drill = passed.get();
            List<String> items = new ArrayList<>();
            items.add("Passed " + TIME.format(drill.finishedAt()) + " UTC (" + ago(drill.finishedAt())
                    + " before this runbook): backup " + drill.backupId() + " restored into " + drill.restoredInto());
            if (drill.recoveryMillis() != null) {
                items.add(String.format(Locale.ROOT, "Measured recovery time: %.1f s (the restore alone; add the time"
                        + " to reach a copy and set up the machine)", drill.recoveryMillis() / 1000.0));
            }
            items.add(drill.restoredTables().size() + " tables, " + drill.restoredTables().stream()
                    .mapToLong(table -> table.rows()).sum() + " rows, matching the manifest");
            drill.checks().stream().map(CheckOutcome::describe).map(check -> "Check: `" + check + "`").forEach(items::add);
            document.bullets(items);
        }
        newest.filter(record -> !record.passed() && passed.map(ok -> record.finishedAt().isAfter(ok.finishedAt()))
                .orElse(true)).ifPresent(failed -> warn(document, "the newest drill, " + TIME.format(failed.finishedAt()) + " UTC,"
                        + " FAILED: " + String.join("; ", failed.problems())));
    }

    private Optional<VerificationRecord> newestDrill(Predicate<VerificationRecord> which) {
        return copies.stream().flatMap(found -> found.drills().stream()).filter(which)
                .max(Comparator.comparing(VerificationRecord::finishedAt));
    }

    private void whoIsTold(RunbookDocument document) {
        document.heading("6. Who is told");
        if (settings == null) {
            document.paragraph("The copies do not record who is notified: generate this runbook with `--config FILE`"
                    + " to list the plan's notifiers.");
            return;
        }
        NotifierSettings notifiers = settings.getNotifiers();
        List<String> items = new ArrayList<>();
        items.add("The log of the application or `planb run` (every event, always)");
        webhook(items, "Slack", notifiers.getSlackUrl(), notifiers.getSlackUrlEnv(), notifiers.getSlackUrlFile());
        webhook(items, "Microsoft Teams", notifiers.getTeamsUrl(), notifiers.getTeamsUrlEnv(), notifiers.getTeamsUrlFile());
        webhook(items, "Discord", notifiers.getDiscordUrl(), notifiers.getDiscordUrlEnv(), notifiers.getDiscordUrlFile());
        webhook(items, "Webhook (JSON)", notifiers.getWebhookUrl(), notifiers.getWebhookUrlEnv(),
                notifiers.getWebhookUrlFile());
        webhook(items, "Heartbeat (pinged after each run; its service alarms when pings stop)",
                notifiers.getHeartbeatUrl(), notifiers.getHeartbeatUrlEnv(), notifiers.getHeartbeatUrlFile());
        var telegram = notifiers.getTelegram();
        if (telegram.getChatId() != null) {
            webhook(items, "Telegram chat " + telegram.getChatId(), telegram.getBotToken(), telegram.getBotTokenEnv(),
                    telegram.getBotTokenFile());
        }
        var email = notifiers.getEmail();
        if (email.getHost() != null && !email.getTo().isEmpty()) {
            items.add("E-mail to " + String.join(", ", email.getTo()) + " through `" + email.getHost() + ":"
                    + email.getPort() + "`");
        }
        document.bullets(items);
        if (items.size() == 1) {
            warn(document, "nobody is told when a backup fails or gets too old: add a notifier.");
        }
    }

    /** A notifier whose URL is a secret: named by where it comes from, never shown. */
    private static void webhook(List<String> items, String what, String value, String variable, Path file) {
        if (variable != null) {
            items.add(what + " (URL in variable `" + variable + "`)");
        } else if (file != null) {
            items.add(what + " (URL in file `" + file + "`)");
        } else if (value != null) {
            items.add(what + " (URL written in the configuration file)");
        }
    }

    private Optional<String> tools(String engine, String dumpToolVersion) {
        String major = dumpToolVersion == null ? "" : dumpToolVersion.replaceAll("^(\\d+).*", "$1");
        return switch (engine) {
            case "postgresql" -> Optional.of("`pg_restore` " + major + " or later (Debian: `apt-get install -y"
                    + " postgresql-client-" + major + "`)");
            case "mariadb" -> Optional.of("the `mariadb` client (Debian: `apt-get install -y mariadb-client`)");
            default -> Optional.empty();
        };
    }

    private boolean needsPassword(Optional<Manifest> manifest) {
        return manifest.map(found -> List.of("postgresql", "mariadb").contains(found.engine().name())).orElse(false);
    }

    private String credentials(Manifest manifest) {
        if (!needsPassword(Optional.of(manifest))) {
            return "";
        }
        return (target.user() == null ? "" : " --user " + quote(target.user())) + " --password-env "
                + target.passwordVariable();
    }

    private String decryption(Manifest manifest) {
        return manifest.artifacts().stream().filter(Manifest.Artifact::isEncrypted).findFirst()
                .map(artifact -> Manifest.ENCRYPTION_PASSPHRASE.equals(artifact.encryption())
                        ? " --passphrase-env " + passphraseVariable() : " --decrypt-with \"$PRIVATE_KEY_FILE\"")
                .orElse("");
    }

    private String passphraseVariable() {
        return settings != null && settings.getEncryption().getPassphraseEnv() != null
                ? settings.getEncryption().getPassphraseEnv() : "PLANB_PASSPHRASE";
    }

    private String targetUrl(Manifest manifest) {
        return target.jdbcUrl() != null ? target.jdbcUrl() : manifest.database();
    }

    private String ago(Instant then) {
        return DurationText.format(java.time.Duration.between(then, now).withNanos(0));
    }

    /** Single-quoted for a POSIX shell. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
