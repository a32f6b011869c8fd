/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.LogFileNames;
import dev.planb.event.LogStreamProblem.Problem;
import dev.planb.internal.run.ChainWriter;
import dev.planb.spi.Destination;
import dev.planb.spi.LogStream.LogFiles;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log chain being shipped by a {@link LogStreamer}: what every destination holds, the log order
 * seen so far, and the receiver's restarts. Ships until the streamer stops or the log has a gap.
 */
final class ChainShipper {

    // Logs as the streamer: operators configure one logger for log shipping.
    private static final Logger LOG = LoggerFactory.getLogger(LogStreamer.class);
    private static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    /**
     * The streamer's intervals.
     *
     * @param partial how often the file being written is shipped as it stands
     * @param poll how often the receiver's folder is looked at
     * @param restart how long to wait before restarting a receiver that stopped (doubling up to 1 min)
     */
    record Intervals(Duration partial, Duration poll, Duration restart) {
    }

    /** What a chain asks of the streamer that runs it. */
    interface Control {

        /** Whether the streamer was asked to stop. */
        boolean isStopping();

        /** Waits up to {@code duration}; true when the streamer was asked to stop meanwhile. */
        boolean sleep(Duration duration);

        /** Logs and publishes a problem of the stream. */
        void problem(Problem problem, String message);

        /** A log file reached at least one destination at {@code when}. */
        void shipped(Instant when);
    }

    private final BackupPlan plan;
    private final PointInTimeEngine engine;
    private final ChainWriter writer;
    private final Clock clock;
    private final Intervals intervals;
    private final Control control;
    private final LogStream stream;
    private final Manifest base;
    private final EngineInfo engineInfo;
    private final Map<Destination, Set<String>> complete = new HashMap<>();
    private final Map<Destination, String> partial = new HashMap<>();
    private final Map<Destination, Instant> retryAfter = new HashMap<>();
    private String lastComplete;
    private Instant lastPartial = Instant.EPOCH;
    private boolean receiverDown;
    private boolean startReceived;
    private Instant restartedAt = Instant.EPOCH;

    ChainShipper(BackupPlan plan, PointInTimeEngine engine, ChainWriter writer, Clock clock, Intervals intervals,
            LogStream stream, Manifest base, Control control) {
        this.plan = plan;
        this.engine = engine;
        this.writer = writer;
        this.clock = clock;
        this.intervals = intervals;
        this.control = control;
        this.stream = stream;
        this.base = base;
        this.engineInfo = base.engine();
        plan.destinations().forEach(destination -> complete.put(destination, new HashSet<>()));
    }

    /** Ships until stop (true) or a gap (false: a new chain must start). */
    boolean ship() throws IOException {
        Duration delay = intervals.restart();
        while (true) {
            if (control.isStopping()) {
                stream.close();
                cycle(true);
                LOG.info("Plan '{}': log streaming stopped; everything received is shipped", plan.name());
                return true;
            }
            if (!cycle(false)) {
                return false;
            }
            Optional<String> down = stream.receiverStopped();
            if (down.isPresent()) {
                cycle(true); // what the receiver got before it stopped, at once
                if (!receiverDown) {
                    control.problem(Problem.RECEIVER_STOPPED, "the log receiver stopped (" + down.get() + "); restarting it");
                    receiverDown = true;
                }
                if (control.sleep(delay)) {
                    continue;
                }
                try {
                    stream.restartReceiver();
                    restartedAt = clock.instant();
                } catch (IOException | PlanBException e) {
                    LOG.debug("Restarting the log receiver failed", e);
                }
                delay = delay.multipliedBy(2).compareTo(MAX_RESTART_DELAY) > 0 ? MAX_RESTART_DELAY : delay.multipliedBy(2);
                continue;
            }
            if (receiverDown && !clock.instant().isBefore(restartedAt.plus(intervals.restart()))) {
                LOG.info("Plan '{}': the log receiver runs again", plan.name());
                receiverDown = false;
                delay = intervals.restart();
            }
            control.sleep(intervals.poll());
        }
    }

    /** Ships what is new; false when the log has a gap. */
    private boolean cycle(boolean flushCurrent) throws IOException {
        LogFiles files = stream.scan();
        if (!startReceived) {
            Optional<String> earliest = files.complete().isEmpty() ? files.currentName()
                    : Optional.of(files.complete().get(0).getFileName().toString());
            if (earliest.isPresent() && compare(earliest.get(), base.log().file()) > 0) {
                control.problem(Problem.GAP, "the received log starts at " + earliest.get() + ", after " + base.log().file()
                        + " where the chain's first backup starts: recovery could not reach past it, starting a new chain");
                return false;
            }
            startReceived = earliest.isPresent();
        }
        List<Path> shippedEverywhere = new ArrayList<>();
        for (Path file : files.complete()) {
            String name = file.getFileName().toString();
            if (compare(name, base.log().file()) < 0) {
                Files.deleteIfExists(file); // before the chain starts: not needed
                continue;
            }
            if (lastComplete != null && compare(name, lastComplete) > 0
                    && !LogFileNames.follows(base.log().format(), base.log().segmentSize(), lastComplete, name)) {
                control.problem(Problem.GAP, "the log jumps from " + lastComplete + " to " + name
                        + ": recovery cannot cross the gap, starting a new chain");
                return false;
            }
            if (lastComplete == null || compare(name, lastComplete) > 0) {
                lastComplete = name;
            }
            List<Destination> missing = due(destination -> !complete.get(destination).contains(name));
            if (!missing.isEmpty()) {
                shipFile(file, name, false, missing).forEach(destination -> complete.get(destination).add(name));
            }
            if (plan.destinations().stream().allMatch(destination -> complete.get(destination).contains(name))) {
                shippedEverywhere.add(file);
            }
        }
        // The newest complete file stays: a restarted receiver finds where to resume from it.
        for (int i = 0; i < shippedEverywhere.size() - 1; i++) {
            Files.deleteIfExists(shippedEverywhere.get(i));
        }
        if (files.current().isPresent()
                && (flushCurrent || !clock.instant().isBefore(lastPartial.plus(intervals.partial())))) {
            shipCurrent(files.current().get(), files.currentName().orElseThrow());
        }
        return true;
    }

    private void shipCurrent(Path file, String name) throws IOException {
        String version = name + ":" + digest(file);
        List<Destination> missing = due(destination -> !version.equals(partial.get(destination)));
        if (!missing.isEmpty() && compare(name, base.log().file()) >= 0) {
            shipFile(file, name, true, missing).forEach(destination -> partial.put(destination, version));
        }
        lastPartial = clock.instant();
    }

    /** Compares log file names in the order of this chain's log. */
    private int compare(String first, String second) {
        return LogFileNames.compare(base.log().format(), base.log().segmentSize(), first, second);
    }

    /** The destinations {@code wanted} selects that are not waiting to be retried. */
    private List<Destination> due(Predicate<Destination> wanted) {
        Instant now = clock.instant();
        return plan.destinations().stream().filter(wanted)
                .filter(destination -> !retryAfter.getOrDefault(destination, Instant.EPOCH).isAfter(now)).toList();
    }

    /** Ships one file; returns the destinations that stored it. */
    private List<Destination> shipFile(Path file, String name, boolean isPartial, List<Destination> destinations)
            throws IOException {
        long size = Files.size(file);
        ChainWriter.Stored<Long> stored;
        try {
            stored = writer.write(destinations, isPartial ? name + ".partial" : name, Manifest.KIND_LOG,
                    base.backupId(), size, new LogFilePart(file, name, isPartial));
        } catch (PlanBException e) {
            if (e.code() != ErrorCode.DESTINATION_FAILED) {
                throw e;
            }
            destinations.forEach(destination -> retryAfter.put(destination, clock.instant().plus(intervals.partial())));
            control.problem(Problem.DESTINATION_FAILED, e.getMessage() + "; retrying in " + intervals.partial().toSeconds() + " s");
            return List.of();
        }
        stored.failures().forEach((destination, reason) -> {
            retryAfter.put(destination, clock.instant().plus(intervals.partial()));
            control.problem(Problem.DESTINATION_FAILED, "log file " + name + " did not reach " + destination.description()
                    + ": " + reason + "; retrying in " + intervals.partial().toSeconds() + " s");
        });
        control.shipped(clock.instant());
        LOG.debug("Plan '{}': shipped {}{} as backup {}", plan.name(), name, isPartial ? " (partial)" : "",
                stored.manifest().backupId());
        List<Destination> done = new ArrayList<>(destinations);
        done.removeAll(stored.failures().keySet());
        return done;
    }

    /** The content of one log file, as it is now. */
    private final class LogFilePart implements ChainWriter.Part<Long> {
        private final Path file;
        private final String name;
        private final boolean isPartial;

        LogFilePart(Path file, String name, boolean isPartial) {
            this.file = file;
            this.name = name;
            this.isPartial = isPartial;
        }

        @Override
        public Long writeTo(OutputStream out) throws IOException {
            return Files.copy(file, out);
        }

        @Override
        public EngineInfo engineInfo(Long written) {
            return engineInfo;
        }

        @Override
        public List<TableCount> tables(Long written) {
            return List.of();
        }

        @Override
        public LogInfo log(Long written) {
            return new LogInfo(engine.logFormat(), name, 0, isPartial, base.log().segmentSize());
        }
    }

    private static String digest(Path file) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
