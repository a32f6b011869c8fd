/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pitr;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.Catalog;
import dev.planb.catalog.CatalogScan;
import dev.planb.catalog.DamagedBackup;
import dev.planb.catalog.DamagedBackupException;
import dev.planb.catalog.LogFileNames;
import dev.planb.crypto.Decryption;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The backups one point-in-time restore reads from one destination: the chain's first backup and,
 * in log order, one shipment of every log file after it up to the first gap (a complete file, or the
 * longest partial shipment when the file was never shipped complete). Every file is checked against
 * its manifest's checksum as it is read.
 */
public final class LogChain implements RecoveryChain {

    private final Catalog catalog;
    private final Decryption decryption;
    private final Manifest base;
    private final List<Manifest> logs;
    private final List<String> warnings;

    private LogChain(Catalog catalog, Decryption decryption, Manifest base, List<Manifest> logs, List<String> warnings) {
        this.catalog = catalog;
        this.decryption = decryption;
        this.base = base;
        this.logs = List.copyOf(logs);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Chooses the chain for {@code target}: the newest first backup finished by the target time (the
     * newest of all for {@code latest} or a WAL location), and the log files after it.
     *
     * @param catalog the catalog of the destination to read from
     * @param plan the plan whose backups form the chain
     * @param engine the engine, whose log format the chain's backups must have
     * @param target where recovery stops
     * @param decryption how encrypted files are opened when the chain is read
     * @return the chain, with warnings (e.g. a gap in the logs) for the result

     * @throws PlanBException with {@link ErrorCode#BACKUP_NOT_FOUND} when no chain starts early enough
     * @throws DamagedBackupException for {@code latest}, when a damaged backup may be newer than the chain's
     *     first backup: recovery could stop short of it without a word
     */
    public static LogChain select(Catalog catalog, String plan, PointInTimeEngine engine, RecoveryTarget target,
            Decryption decryption) {
        CatalogScan scan = catalog.scan(plan);
        List<Manifest> all = scan.backups();
        String format = engine.logFormat();
        List<Manifest> starts = all.stream().filter(backup -> backup.startsChain() && format.equals(backup.log().format()))
                .sorted(Comparator.comparing(Manifest::finishedAt).reversed()).toList();
        String where = "plan '" + plan + "' on " + catalog.destination().description();
        if (starts.isEmpty()) {
            throw new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "No point-in-time chain of " + where
                    + ": no base backup or dump with log coordinates; start one with 'planb stream'");
        }
        Optional<Instant> time = target.time();
        Manifest base = starts.stream().filter(start -> time.isEmpty() || !start.finishedAt().isAfter(time.get()))
                .findFirst().orElseThrow(() -> new PlanBException(ErrorCode.BACKUP_NOT_FOUND, "Cannot restore "
                        + where + " to " + target + ": the oldest chain starts with backup " + starts.get(starts.size() - 1).backupId()
                        + ", finished " + starts.get(starts.size() - 1).finishedAt() + "; choose a later time"));
        List<String> warnings = new ArrayList<>();
        for (DamagedBackup damaged : scan.damaged()) {
            if (!damaged.mayBeNewerThan(base.id()) || time.isPresent() && damaged.id().time().isAfter(time.get())) {
                continue;
            }
            if (target.isLatest()) {
                throw new DamagedBackupException(damaged, "Backup " + damaged.id() + " of " + where + " is DAMAGED ("
                        + damaged.location() + " " + damaged.reason() + ") and may be part of the newest chain: PlanB"
                        + " does not restore to an earlier point on its own; restore to a time before it with --at TIME,"
                        + " or from another destination");
            }
            warnings.add("backup " + damaged.id() + " is DAMAGED (" + damaged.reason() + "): if it is a log file of"
                    + " this chain, recovery stops before it");
        }
        List<Manifest> logs = follow(base, bestShipments(all, format), warnings);
        Instant covered = logs.isEmpty() ? base.finishedAt() : logs.get(logs.size() - 1).startedAt();
        if (time.isPresent() && time.get().isAfter(covered)) {
            warnings.add("the newest log shipped for this chain was read at " + covered + ", before " + time.get()
                    + ": transactions after " + covered + " are not in the backups");
        }
        return new LogChain(catalog, decryption, base, logs, warnings);
    }

    /** One shipment per log file: a complete one if any, else the longest partial one. */
    private static Map<String, Manifest> bestShipments(List<Manifest> all, String format) {
        Map<String, Manifest> best = new LinkedHashMap<>();
        for (Manifest log : all) {
            if (!log.isLog() || log.log() == null || !format.equals(log.log().format())) {
                continue;
            }
            best.merge(log.log().file(), log, LogChain::better);
        }
        return best;
    }

    private static Manifest better(Manifest a, Manifest b) {
        if (a.log().partial() != b.log().partial()) {
            return a.log().partial() ? b : a;
        }
        long sizeA = a.databaseArtifact().dumpSize();
        long sizeB = b.databaseArtifact().dumpSize();
        if (sizeA != sizeB && !a.log().partial()) {
            return sizeA > sizeB ? a : b;
        }
        return a.startedAt().isAfter(b.startedAt()) ? a : b;
    }

    /** The log files from the chain's first one on, up to the first file missing. */
    private static List<Manifest> follow(Manifest base, Map<String, Manifest> shipments, List<String> warnings) {
        String first = base.log().file();
        String format = base.log().format();
        long segmentSize = base.log().segmentSize();
        List<String> files = shipments.keySet().stream()
                .filter(file -> LogFileNames.compare(format, segmentSize, file, first) >= 0)
                .sorted((a, b) -> LogFileNames.compare(format, segmentSize, a, b)).toList();
        List<Manifest> chain = new ArrayList<>();
        String previous = null;
        for (String file : files) {
            boolean connected = previous == null ? file.equals(first)
                    : LogFileNames.follows(format, segmentSize, previous, file);
            if (!connected) {
                warnings.add("the log has a gap: " + (previous == null ? first : "after " + previous) + " the next file shipped is "
                        + file + "; recovery stops at the gap");
                break;
            }
            Manifest shipment = shipments.get(file);
            chain.add(shipment);
            previous = file;
            if (shipment.log().partial() && files.indexOf(file) < files.size() - 1) {
                warnings.add("log file " + file + " was only shipped partially, yet later files exist: recovery stops"
                        + " at its end");
                break;
            }
        }
        if (chain.isEmpty() && !files.contains(first)) {
            warnings.add("no log file was shipped after the chain's first backup " + base.backupId()
                    + ": only its own state can be restored");
        }
        return chain;
    }

    /** The chain's first backup. */
    @Override
    public Manifest base() {
        return base;
    }

    /** The log files to replay, in log order. */
    @Override
    public List<Manifest> logs() {
        return logs;
    }

    /** When the content of the newest log file was read: later transactions are not in the chain. */
    @Override
    public Instant coveredUntil() {
        return logs.isEmpty() ? base.finishedAt() : logs.get(logs.size() - 1).startedAt();
    }

    /** What the reader should know: gaps, partial files, a target beyond the shipped log. */
    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** Where the chain is read from, for messages. */
    @Override
    public String source() {
        return catalog.destination().description();
    }

    /**
     * Opens the first backup's content, decrypted and decompressed; its end is reported only once the
     * checksums matched.
     */
    @Override
    public InputStream openBase() throws IOException {
        return catalog.openDump(base, base.databaseArtifact(), decryption);
    }

    /**
     * Writes every log file of the chain, decrypted and decompressed, into {@code folder} under its log
     * name, checking each against its manifest.
     *
     * @return the files written, in log order
     */
    @Override
    public List<Path> fetchLogs(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Manifest log : logs) {
            Path file = folder.resolve(log.log().file());
            try (InputStream in = catalog.openDump(log, log.databaseArtifact(), decryption);
                    OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            files.add(file);
        }
        return files;
    }
}
