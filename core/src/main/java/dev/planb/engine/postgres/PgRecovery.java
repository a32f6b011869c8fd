/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.files.internal.TarExtractor;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryTarget;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.ProcessOwnedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a PostgreSQL data directory from a log chain: unpacks the base backup into a new folder,
 * puts the chain's WAL into its {@code pg_wal}, and runs the server once, on a private socket and no
 * TCP port, with the recovery target, until recovery has ended and the server was promoted; then
 * stops it and takes the recovery settings out again. What is left is a data directory the user
 * starts with {@code pg_ctl}. The server never runs as root (see {@link PgServerProcess}).
 */
final class PgRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(PgRecovery.class);
    private static final Pattern LAST_TRANSACTION = Pattern.compile("last completed transaction was at log time (.+)$");
    private static final Pattern STOPPING = Pattern.compile("(recovery stopping .+)$");
    private static final String READY = "database system is ready to accept connections";
    private static final String TARGET_NOT_REACHED = "recovery ended before configured recovery target was reached";
    private static final DateTimeFormatter LOG_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendPattern("X").toFormatter();

    private final PostgresOptions options;

    PgRecovery(PostgresOptions options) {
        this.options = options;
    }

    RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, Path directory) throws IOException {
        prepareEmpty(directory);
        int major = majorOf(chain.base().engine().serverVersion());
        PgTools.Tool pgCtl = PgTools.findExact("pg_ctl", options.tools(), major);
        try (InputStream base = chain.openBase()) {
            TarExtractor.extractAll(base, directory).forEach(warning -> LOG.warn("Base backup: {}", warning));
        }
        Path wal = Files.createDirectories(directory.resolve("pg_wal"));
        chain.fetchLogs(wal);
        List<String> written = ensureConfigFiles(directory);
        Path autoConf = directory.resolve("postgresql.auto.conf");
        byte[] originalAutoConf = Files.exists(autoConf) ? Files.readAllBytes(autoConf) : null;
        Path work = Files.createTempDirectory("planb-recovery-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            Files.writeString(directory.resolve("recovery.signal"), "");
            writeSettings(autoConf, originalAutoConf, target);
            PgServerProcess.giveToServerUser(directory, work);
            Path log = work.resolve("recovery.log");
            String output;
            try {
                output = runRecovery(pgCtl, directory, work, log);
            } catch (IOException first) {
                String failed = read(log);
                if (!failed.contains(TARGET_NOT_REACHED)) {
                    throw new IOException("PostgreSQL recovery failed: " + fatalLines(failed, first), first);
                }
                // No commit after the target in the shipped WAL: the state at the target is its end.
                LOG.info("No transaction after {} in the shipped WAL: recovering to its end", target);
                writeSettings(autoConf, originalAutoConf, RecoveryTarget.latest());
                PgServerProcess.giveToServerUser(directory, work);
                output = runRecovery(pgCtl, directory, work, log);
            }
            PgServerProcess.stop(pgCtl, directory, "fast");
            restore(autoConf, originalAutoConf);
            PgServerProcess.giveToServerUser(directory, work);
            return point(output, written);
        } finally {
            ProcessOwnedFiles.deleteTree(work);
        }
    }

    private static void prepareEmpty(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new PlanBException(ErrorCode.RESTORE_REFUSED, directory + " is not empty: point-in-time restore"
                            + " makes a new data directory; give a new or empty folder (--to-data-dir)");
                }
            }
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    private static int majorOf(String serverVersion) {
        Matcher matcher = Pattern.compile("^(\\d+)").matcher(serverVersion);
        if (!matcher.find()) {
            throw new PlanBException(ErrorCode.CORRUPT_BACKUP, "the base backup's manifest records server version '"
                    + serverVersion + "', not a PostgreSQL version");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A data directory from a Debian-style cluster has its configuration elsewhere: minimal files make it start. */
    private static List<String> ensureConfigFiles(Path directory) throws IOException {
        List<String> written = new ArrayList<>();
        String header = "# Written by PlanB: the base backup held no such file (its server kept it outside the data directory)\n";
        for (String name : List.of("postgresql.conf", "pg_hba.conf", "pg_ident.conf")) {
            Path file = directory.resolve(name);
            if (!Files.exists(file)) {
                Files.writeString(file, header + ("pg_hba.conf".equals(name) ? "local all all peer\n" : ""));
                written.add(name);
            }
        }
        return written;
    }

    private static void writeSettings(Path autoConf, byte[] original, RecoveryTarget target) throws IOException {
        StringBuilder settings = new StringBuilder(original == null ? "" : new String(original, StandardCharsets.UTF_8));
        settings.append("\n# PlanB point-in-time recovery (removed once recovery has run)\n");
        // The WAL is already in pg_wal, which the server reads when the restore command finds nothing.
        settings.append("restore_command = 'false'\n");
        settings.append("recovery_target_action = 'promote'\n");
        target.time().ifPresent(time -> settings.append("recovery_target_time = '")
                .append(DateTimeFormatter.ISO_INSTANT.format(time).replace('T', ' ').replace("Z", "+00")).append("'\n"));
        target.lsn().ifPresent(lsn -> settings.append("recovery_target_lsn = '").append(lsn).append("'\n"));
        Files.writeString(autoConf, settings);
    }

    private static void restore(Path autoConf, byte[] original) throws IOException {
        if (original == null) {
            Files.deleteIfExists(autoConf);
        } else {
            Files.write(autoConf, original);
        }
    }

    /**
     * Starts the server and waits until recovery has ended and it accepts connections; returns its log.
     * {@code pg_ctl -w} returns as soon as recovery starts (without hot standby the server reports itself
     * "standby"), so the end is read from the log.
     *
     * @throws IOException when the server stops before recovery ended
     */
    private static String runRecovery(PgTools.Tool pgCtl, Path directory, Path work, Path log) throws IOException {
        try {
            PgServerProcess.start(pgCtl, directory, log, List.of("-c listen_addresses=''",
                    "-c unix_socket_directories='" + work + "'", "-c hot_standby=off", "-c logging_collector=off",
                    "-c log_timezone=UTC", "-c timezone=UTC", "-c archive_mode=off", "-c ssl=off",
                    "-c log_min_messages=log"));
        } catch (ToolFailedException e) {
            throw new IOException(Messages.firstLine(e), e);
        }
        while (true) {
            String output = read(log);
            if (output.contains(READY)) {
                return output;
            }
            if (!Files.exists(directory.resolve("postmaster.pid"))) {
                throw new IOException("the server stopped before recovery ended");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while PostgreSQL recovered " + directory);
            }
        }
    }

    private static RecoveredPoint point(String log, List<String> written) {
        Optional<Instant> reached = Optional.empty();
        String stopping = null;
        for (String line : log.lines().toList()) {
            Matcher last = LAST_TRANSACTION.matcher(line);
            if (last.find()) {
                reached = Optional.of(OffsetDateTime.parse(last.group(1).strip(), LOG_TIME).toInstant());
            }
            Matcher stop = STOPPING.matcher(line);
            if (stop.find()) {
                stopping = stop.group(1);
            }
        }
        String detail = (stopping != null ? stopping : "recovered to the end of the shipped WAL")
                + reached.map(time -> "; last transaction replayed committed at " + time)
                        .orElse("; no transaction after the base backup")
                + (written.isEmpty() ? "" : "; wrote minimal " + String.join(", ", written)
                        + " (the base backup had none): review them before starting the server");
        return new RecoveredPoint(reached, detail);
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static String fatalLines(String log, IOException failure) {
        List<String> lines = log.lines().filter(line -> line.contains("FATAL") || line.contains("PANIC")).toList();
        return lines.isEmpty() ? Messages.firstLine(failure) : String.join(" / ", lines);
    }
}
