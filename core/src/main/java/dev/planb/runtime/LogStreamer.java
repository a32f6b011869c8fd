/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.event.LogStreamProblem.Problem;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.PlanBListener;
import dev.planb.internal.run.BackupRun;
import dev.planb.internal.run.ChainWriter;
import dev.planb.internal.tool.PrivateFolder;
import dev.planb.spi.LogStream.ChainStart;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final ChainShipper.Control control = new Control();
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

    /**
     * Starts a streamer for {@code plan}, whose engine must support point-in-time recovery.
     *
     * @param plan the plan whose database's log is shipped to its destinations
     * @return a builder for the intervals and listeners
     */
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
                ChainShipper chain = new ChainShipper(plan, engine, writer, clock,
                        new ChainShipper.Intervals(partialInterval, pollInterval, restartDelay), stream, startChain(stream),
                        control);
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

    /** {@return the first backup of the chain being shipped, once it is stored} */
    public Optional<Manifest> currentBase() {
        return Optional.ofNullable(currentBase);
    }

    /** {@return when a log file was last stored on at least one destination; empty before the first} */
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
                new BackupRun(plan, ProgressListener.NONE, Clock.systemUTC()).execute();
            } catch (PlanBException e) {
                LOG.error("Plan '{}': fallback dump failed: {}", plan.name(), e.getMessage());
            }
        } while (!sleep(fallbackInterval));
    }

    /** What a chain being shipped asks of this streamer. */
    private final class Control implements ChainShipper.Control {
        @Override
        public boolean isStopping() {
            return LogStreamer.this.isStopping();
        }

        @Override
        public boolean sleep(Duration duration) {
            return LogStreamer.this.sleep(duration);
        }

        @Override
        public void problem(Problem problem, String message) {
            LogStreamer.this.problem(problem, message);
        }

        @Override
        public void shipped(Instant when) {
            lastShipped = when;
        }
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
         *
         * @param interval a positive duration
         * @return this builder
         * @throws PlanBException when {@code interval} is not positive
         */
        public Builder partialInterval(Duration interval) {
            this.partialInterval = positive("partialInterval", interval);
            return this;
        }

        /**
         * Sets how often the receiver's folder is looked at.
         *
         * @param interval a positive duration (default 1 s)
         * @return this builder
         * @throws PlanBException when {@code interval} is not positive
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /**
         * Sets how long to wait before restarting a receiver that stopped.
         *
         * @param delay a positive duration (default 5 s, doubling up to 1 min)
         * @return this builder
         * @throws PlanBException when {@code delay} is not positive
         */
        public Builder restartDelay(Duration delay) {
            this.restartDelay = positive("restartDelay", delay);
            return this;
        }

        /**
         * How often to dump when the server does not allow log shipping (default 15 min); {@code null}
         * makes {@link #run()} fail instead.
         *
         * @param interval a positive duration, or {@code null} for no fallback
         * @return this builder
         * @throws PlanBException when {@code interval} is zero or negative
         */
        public Builder fallbackInterval(Duration interval) {
            this.fallbackInterval = interval == null ? null : positive("fallbackInterval", interval);
            return this;
        }

        /**
         * Also tells {@code listener} about the streamer's problems (the plan's notifiers always hear them).
         *
         * @param listener the listener to add
         * @return this builder
         */
        public Builder listener(PlanBListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the clock for ids and intervals (tests).
         *
         * @param clock the clock (default the system's, in UTC)
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes the streamer.
         *
         * @return the streamer; {@link #run()} starts it

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
