package dev.planb.pitr;

import dev.planb.spi.LogStream;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.BackupPlan;
import dev.planb.spi.Destination;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.catalog.LogFileNames;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.EngineInfo;
import dev.planb.catalog.Manifest.LogInfo;
import dev.planb.spi.TableCount;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.LogStreamProblem.Problem;
import dev.planb.event.PlanBListener;
import dev.planb.internal.pipeline.ChainWriter;
import dev.planb.spi.support.Messages;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.spi.support.Sha256;
import dev.planb.runtime.EventPublisher;
import dev.planb.spi.LogStream.ChainStart;
import dev.planb.spi.LogStream.LogFiles;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous log shipping for one plan: takes the chain's first backup (PostgreSQL base backup, or a
 * MariaDB/MySQL dump with its binlog coordinates), then runs the engine's log receiver and ships every
 * log file to all the plan's destinations, each as a backup of kind {@code log} whose parent is the
 * first backup. A file still being written is shipped as it stands every {@code partialInterval} when it
 * changed, and at once when the receiver stops or the streamer is stopped: that interval bounds what a
 * crash of the whole host can lose.
 *
 * <p>A receiver that stops (the server restarted, the network failed) is restarted; a gap in the log
 * starts a new chain; a destination that misses a file gets it again later. Each is published as a
 * {@link LogStreamProblem}. When the server does not allow log shipping, the streamer says what is missing
 * and falls back to a dump every {@code fallbackInterval}.
 *
 * <pre>{@code
 * LogStreamer streamer = LogStreamer.builder(plan).partialInterval(Duration.ofSeconds(30)).build();
 * Runtime.getRuntime().addShutdownHook(new Thread(streamer::stop));
 * streamer.run();   // returns after stop(), once what was received is shipped
 * }</pre>
 */
public final class LogStreamer {

    private static final Logger LOG = LoggerFactory.getLogger(LogStreamer.class);
    private static final Duration MAX_RESTART_DELAY = Duration.ofMinutes(1);

    private final BackupPlan plan;
    private final PointInTimeEngine engine;
    private final Duration partialInterval;
    private final Duration pollInterval;
    private final Duration restartDelay;
    private final Duration fallbackInterval;
    private final EventPublisher events;
    private final Clock clock;
    private final ChainWriter writer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Manifest currentBase;
    private volatile Instant lastShipped;

    private LogStreamer(Builder builder) {
        this.plan = builder.plan;
        if (!(plan.engine() instanceof PointInTimeEngine pitr)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Plan '" + plan.name() + "' uses the " + plan.engine().name()
                    + " engine, which has no transaction log to ship: log streaming needs PostgreSQL or MariaDB/MySQL");
        }
        this.engine = pitr;
        this.partialInterval = builder.partialInterval;
        this.pollInterval = builder.pollInterval;
        this.restartDelay = builder.restartDelay;
        this.fallbackInterval = builder.fallbackInterval;
        List<PlanBListener> listeners = new ArrayList<>(builder.listeners);
        listeners.addAll(plan.notifiers());
        this.events = new EventPublisher(listeners);
        this.clock = builder.clock;
        this.writer = new ChainWriter(plan, engine, clock);
    }

    /** Starts a streamer for {@code plan}, whose engine must support point-in-time recovery. */
    public static Builder builder(BackupPlan plan) {
        return new Builder(plan);
    }

    /**
     * Streams until {@link #stop()}: checks the server, takes the chain's first backup, then ships the
     * log. On stop, the receiver is stopped cleanly and what it had received is shipped before this
     * returns.
     *
     * @throws PlanBException when the first backup cannot be taken or no destination can store it
     */
    public void run() {
        List<String> problems = engine.streamingProblems(plan.database());
        if (!problems.isEmpty()) {
            fallBackToDumps(problems);
            return;
        }
        while (!isStopping()) {
            try (PrivateFolder folder = PrivateFolder.create();
                    LogStream stream = engine.openStream(plan.database(), plan.name(), folder.path())) {
                Chain chain = new Chain(stream, startChain(stream));
                if (chain.ship()) {
                    return;
                }
                sleep(restartDelay); // a gap: a new chain, but not in a tight loop if the gap comes back at once
            } catch (IOException e) {
                throw new PlanBException(ErrorCode.DUMP_FAILED, "Log streaming of plan '" + plan.name() + "' failed: "
                        + Messages.firstLine(e), e);
            }
        }
    }

    /** Asks {@link #run()} to stop, ship what was received and return. Safe from any thread, e.g. a shutdown hook. */
    public void stop() {
        stopped.countDown();
    }

    /** The first backup of the chain being shipped, once it is stored. */
    public Optional<Manifest> currentBase() {
        return Optional.ofNullable(currentBase);
    }

    /** When a log file was last stored on at least one destination. */
    public Optional<Instant> lastShipped() {
        return Optional.ofNullable(lastShipped);
    }

    private boolean isStopping() {
        return stopped.getCount() == 0;
    }

    /** Waits up to {@code duration}; true when stop() was called meanwhile. */
    private boolean sleep(Duration duration) {
        try {
            return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return true;
        }
    }

    private Manifest startChain(LogStream stream) {
        ChainWriter.Stored<ChainStart> stored = writer.write(plan.destinations(), stream.baseFileName(), stream.baseKind(),
                null, -1, new ChainWriter.Part<>() {
                    @Override
                    public ChainStart writeTo(OutputStream out) throws IOException {
                        return stream.begin(out);
                    }

                    @Override
                    public EngineInfo engineInfo(ChainStart start) {
                        return new EngineInfo(engine.name(), start.dump().serverVersion(), start.dump().dumpTool(),
                                start.dump().dumpToolVersion());
                    }

                    @Override
                    public List<TableCount> tables(ChainStart start) {
                        return start.dump().tables();
                    }

                    @Override
                    public LogInfo log(ChainStart start) {
                        return start.start();
                    }
                });
        stored.failures().forEach((destination, reason) -> problem(Problem.DESTINATION_FAILED, "backup "
                + stored.manifest().backupId() + " did not reach " + destination.description() + ": " + reason));
        currentBase = stored.manifest();
        LOG.info("Plan '{}': log chain started with backup {} ({} from {})", plan.name(), stored.manifest().backupId(),
                stored.manifest().kind(), stored.manifest().log().file());
        return stored.manifest();
    }

    private void problem(Problem problem, String message) {
        LOG.warn("Plan '{}': {}", plan.name(), message);
        events.publish(new LogStreamProblem(plan.name(), clock.instant(), problem, message));
    }

    private void fallBackToDumps(List<String> problems) {
        String missing = String.join("; ", problems);
        if (fallbackInterval == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Log streaming of plan '" + plan.name()
                    + "' is not possible on " + plan.database().redactedUrl() + ": " + missing);
        }
        problem(Problem.FALLBACK_TO_DUMPS, "log shipping is not possible on " + plan.database().redactedUrl() + " ("
                + missing + "): falling back to a dump every " + fallbackInterval + "; point-in-time recovery is NOT available");
        do {
            try {
                PlanB.backup(plan);
            } catch (PlanBException e) {
                LOG.error("Plan '{}': fallback dump failed: {}", plan.name(), e.getMessage());
            }
        } while (!sleep(fallbackInterval));
    }

    /** One chain being shipped: what every destination holds, and the log order seen so far. */
    private final class Chain {
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

        Chain(LogStream stream, Manifest base) {
            this.stream = stream;
            this.base = base;
            this.engineInfo = base.engine();
            plan.destinations().forEach(destination -> complete.put(destination, new HashSet<>()));
        }

        /** Ships until stop (true) or a gap (false: a new chain must start). */
        boolean ship() throws IOException {
            Duration delay = restartDelay;
            while (true) {
                if (isStopping()) {
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
                        problem(Problem.RECEIVER_STOPPED, "the log receiver stopped (" + down.get() + "); restarting it");
                        receiverDown = true;
                    }
                    if (sleep(delay)) {
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
                if (receiverDown && !clock.instant().isBefore(restartedAt.plus(restartDelay))) {
                    LOG.info("Plan '{}': the log receiver runs again", plan.name());
                    receiverDown = false;
                    delay = restartDelay;
                }
                sleep(pollInterval);
            }
        }

        /** Ships what is new; false when the log has a gap. */
        private boolean cycle(boolean flushCurrent) throws IOException {
            LogFiles files = stream.scan();
            if (!startReceived) {
                Optional<String> earliest = files.complete().isEmpty() ? files.currentName()
                        : Optional.of(files.complete().get(0).getFileName().toString());
                if (earliest.isPresent() && compare(earliest.get(), base.log().file()) > 0) {
                    problem(Problem.GAP, "the received log starts at " + earliest.get() + ", after " + base.log().file()
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
                    problem(Problem.GAP, "the log jumps from " + lastComplete + " to " + name
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
                    && (flushCurrent || !clock.instant().isBefore(lastPartial.plus(partialInterval)))) {
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
        private List<Destination> due(java.util.function.Predicate<Destination> wanted) {
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
                destinations.forEach(destination -> retryAfter.put(destination, clock.instant().plus(partialInterval)));
                problem(Problem.DESTINATION_FAILED, e.getMessage() + "; retrying in " + partialInterval.toSeconds() + " s");
                return List.of();
            }
            stored.failures().forEach((destination, reason) -> {
                retryAfter.put(destination, clock.instant().plus(partialInterval));
                problem(Problem.DESTINATION_FAILED, "log file " + name + " did not reach " + destination.description()
                        + ": " + reason + "; retrying in " + partialInterval.toSeconds() + " s");
            });
            lastShipped = clock.instant();
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

    /** Builds a {@link LogStreamer}. */
    public static final class Builder {
        private final BackupPlan plan;
        private Duration partialInterval = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration restartDelay = Duration.ofSeconds(5);
        private Duration fallbackInterval = Duration.ofMinutes(15);
        private final List<PlanBListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(BackupPlan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
        }

        /**
         * How often the log file being written is shipped as it stands, when it changed (default 30 s):
         * at most this much is lost when the whole host is lost.
         */
        public Builder partialInterval(Duration interval) {
            this.partialInterval = positive("partialInterval", interval);
            return this;
        }

        /** How often the receiver's folder is looked at (default 1 s). */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /** How long to wait before restarting a receiver that stopped (default 5 s, doubling up to 1 min). */
        public Builder restartDelay(Duration delay) {
            this.restartDelay = positive("restartDelay", delay);
            return this;
        }

        /**
         * How often to dump when the server does not allow log shipping (default 15 min); {@code null}
         * makes {@link #run()} fail instead.
         */
        public Builder fallbackInterval(Duration interval) {
            this.fallbackInterval = interval == null ? null : positive("fallbackInterval", interval);
            return this;
        }

        /** Also tells {@code listener} about the streamer's problems (the plan's notifiers always hear them). */
        public Builder listener(PlanBListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The clock for ids and intervals (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes the streamer.
         *
         * @throws PlanBException when the plan's engine cannot ship a log
         */
        public LogStreamer build() {
            return new LogStreamer(this);
        }

        private static Duration positive(String setting, Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "LogStreamer " + setting + " must be positive, was "
                        + duration);
            }
            return duration;
        }
    }
}
