/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.catalog.Catalog;
import dev.planb.event.BackupStale;
import dev.planb.event.PlanBListener;
import dev.planb.internal.Version;
import dev.planb.internal.pipeline.RunControl;
import dev.planb.internal.run.BackupRun;
import dev.planb.internal.run.RestoreRun;
import dev.planb.notify.LogNotifier;
import dev.planb.pitr.PointInTimeRequest;
import dev.planb.pitr.PointInTimeRestore;
import dev.planb.pitr.PointInTimeResult;
import dev.planb.pull.PullJob;
import dev.planb.runtime.EventPublisher;
import dev.planb.runtime.PlanNotifiers;
import dev.planb.runtime.PlanScheduler;
import dev.planb.spi.Destination;
import dev.planb.spi.ProtectionReport;
import dev.planb.spi.support.Messages;
import dev.planb.status.PlanStatus;
import dev.planb.status.StalenessMonitor;
import dev.planb.status.StatusBoard;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The entry point: run a backup, list what a destination holds, restore (the static methods),
 * or run plans on their schedules (a runtime made with {@link #builder()}).
 *
 * <pre>{@code
 * BackupResult backup = PlanB.backup(plan);
 * List<Manifest> backups = PlanB.catalog(destination).backups("app");
 * PlanB.restore(RestoreRequest.builder().from(destination).plan("app")
 *         .target(DatabaseSource.of("jdbc:sqlite:restored.db")).build());
 *
 * PlanB planb = PlanB.builder()                       // scheduled: a plan needs a schedule
 *         .plan(BackupPlan.builder("app").database(db).destination(dest)
 *                 .schedule(Schedule.cron("0 0 * * * *")).build())
 *         .listener(event -> log.info("{}", event))
 *         .start();
 * ...
 * planb.close();                                      // at application shutdown
 * }</pre>
 *
 * <p>The runtime runs each plan at its ticks on a small pool of threads. A plan never overlaps
 * itself: a tick that comes while the previous run is still going is skipped and reported as
 * {@link dev.planb.event.BackupSkipped}. Only one application instance runs a given tick (the
 * plan's {@link dev.planb.spi.PlanLock}, then a look at the destinations for a backup made since
 * the tick). At start-up a plan whose newest backup is older than its schedule's catch-up age
 * runs at once. A run that exceeds the plan's timeout, or is still going at {@link #close()}, is
 * stopped and leaves no backup. Everything is reported to the listeners as {@link
 * dev.planb.event.PlanBEvent}s: {@code BackupStarted}, {@code BackupProgress}, {@code
 * BackupSucceeded} (with {@code DestinationFailed} for each destination that missed it), {@code
 * BackupFailed} (including "timed out after …"), {@code BackupSkipped}, and {@code BackupStale}
 * when a plan with a {@link BackupPlan#maxAge()} has no backup recent enough, checked every minute
 * whether or not its runs happen. Every event is logged ({@link LogNotifier}) and sent to the
 * plan's own {@link BackupPlan#notifiers()}. {@link #status(String)} tells where each plan stands;
 * it starts from the newest backup on each destination, so a restart forgets nothing stored.
 */
public final class PlanB implements AutoCloseable {

    private final PlanScheduler scheduler;
    private final StatusBoard board;
    private final StalenessMonitor staleness;
    private final PlanNotifiers notifiers;
    private final Duration stalenessCheck;
    private final AtomicBoolean started = new AtomicBoolean();

    private PlanB(PlanScheduler scheduler, StatusBoard board, StalenessMonitor staleness, PlanNotifiers notifiers,
            Duration stalenessCheck) {
        this.scheduler = scheduler;
        this.board = board;
        this.staleness = staleness;
        this.notifiers = notifiers;
        this.stalenessCheck = stalenessCheck;
    }

    /** {@return a builder for a runtime that runs plans on their schedules, with two threads and no plan yet} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Backs up the plan's database once, to all its destinations, from one read of the database.
     *
     * @param plan what to back up, and where to
     * @return the new backup, and which destinations hold it
     * @throws PlanBException when the dump fails or no destination could store the backup; then
     *     no destination shows a new backup
     */
    public static BackupResult backup(BackupPlan plan) {
        return backup(plan, ProgressListener.NONE);
    }

    /**
     * Like {@link #backup(BackupPlan)}, reporting progress.
     *
     * @param plan what to back up, and where to
     * @param progress receives progress reports on the calling thread
     * @return the new backup, and which destinations hold it
     * @throws PlanBException as {@link #backup(BackupPlan)}
     */
    public static BackupResult backup(BackupPlan plan, ProgressListener progress) {
        return backup(plan, null, progress);
    }

    /**
     * Like {@link #backup(BackupPlan, ProgressListener)}, with a label in the manifest saying why the backup was
     * taken (e.g. {@code before manual fix of orders}); {@code planb list} and {@code planb status} show it.
     *
     * @param plan what to back up, and where to
     * @param label one line of at most {@value dev.planb.spi.Manifest#MAX_LABEL_LENGTH} characters, or {@code null}
     * @param progress receives progress reports on the calling thread
     * @return the new backup, and which destinations hold it
     * @throws PlanBException as {@link #backup(BackupPlan)}
     * @throws IllegalArgumentException when the label is blank, too long or not one line
     */
    public static BackupResult backup(BackupPlan plan, String label, ProgressListener progress) {
        return new BackupRun(plan, progress, Clock.systemUTC(), RunControl.none(), label).execute();
    }

    /**
     * Restores a backup. The stored bytes are checked against the manifest's checksums before
     * the restore becomes permanent, and the restored tables are compared with the manifest.
     * With {@link RestoreRequest#tables()}, only those tables are restored, beside the live ones
     * unless the request says otherwise; {@link RestoreResult#singleTables()} names what they became:
     *
     * <pre>{@code
     * PlanB.restore(RestoreRequest.builder().from(destination).plan("app").backup(id)
     *         .target(liveDatabase).tables(List.of("orders")).tablesSuffix("_before").build());
     * }</pre>
     *
     * @param request what to restore, from where, and into what
     * @return the restored tables and files, and any mismatch with the manifest
     * @throws PlanBException when the backup is missing or corrupt, the target holds data and
     *     {@code force} is not set, or the restore fails
     */
    public static RestoreResult restore(RestoreRequest request) {
        return new RestoreRun(request).execute();
    }

    /**
     * Restores a plan's log chain to a point in time: the chain's first backup, then the shipped log
     * up to the target. For PostgreSQL it makes a recovered data directory (start it with
     * {@code pg_ctl}); for MariaDB/MySQL it restores into a database.
     *
     * <pre>{@code
     * PointInTimeResult result = PlanB.restoreToPoint(PointInTimeRequest.builder().from(destination).plan("app")
     *         .target(RecoveryTarget.parse("5m ago", Instant.now())).dataDirectory(Path.of("/srv/restored")).build());
     * }</pre>
     *
     * @param request the plan, the destination, the target time and where to recover into
     * @return the chain that was replayed, where it was recovered into and the point recovery reached
     * @throws PlanBException when no chain reaches back to the target, a file is corrupt, or recovery fails
     */
    public static PointInTimeResult restoreToPoint(PointInTimeRequest request) {
        return PointInTimeRestore.run(request);
    }

    /**
     * The backups on a destination, read from their manifests when asked.
     *
     * @param destination where the backups are stored
     * @return a catalog to list, find and open the backups with
     */
    public static Catalog catalog(Destination destination) {
        return new Catalog(destination);
    }

    /**
     * Whether the backups on {@code destination} are safe from the credentials in use: a canary
     * object is written and a delete is tried. The report says "protected" (delete refused),
     * "protected by Object Lock", or warns that these credentials can delete backups.
     *
     * @param destination the destination to check, with the credentials it was made with
     * @return whether and how the backups are protected
     * @throws PlanBException when the destination cannot even be written
     */
    public static ProtectionReport check(Destination destination) {
        try {
            return destination.checkProtection();
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot check " + destination.description()
                    + ": " + Messages.firstLine(e), e);
        }
    }

    /**
     * Checks, before the first backup, what will fail and how to fix it: the dump tool and its
     * version, privileges to read every object, objects the plan's options leave out, charset, and
     * whether each destination can be written and whether these credentials could delete backups.
     * Writes (and tries to delete) a canary object on each destination, as {@link #check} does.
     *
     * <pre>{@code
     * PreflightReport report = PlanB.preflight(plan);
     * report.blockers().forEach(finding -> log.error("{}", finding));
     * }</pre>
     *
     * <p>For point-in-time streaming prerequisites too, use {@code Preflight.of(plan).streaming(true).run()}.
     *
     * @param plan the plan to check
     * @return the findings, blockers first; problems are findings, never exceptions
     */
    public static PreflightReport preflight(BackupPlan plan) {
        return Preflight.of(plan).run();
    }

    /** {@return this library's version, e.g. {@code 0.1.0}; {@code unknown} when its build properties are missing} */
    public static String version() {
        return Version.current();
    }

    /** {@return the plans this runtime runs, in the order they were added} */
    public List<BackupPlan> plans() {
        return scheduler.plans();
    }

    /**
     * {@return when a plan's next tick is due (before jitter); empty for an unknown plan or after {@link #close()}}
     *
     * @param plan the plan's name
     */
    public Optional<Instant> nextRun(String plan) {
        return scheduler.nextTick(plan);
    }

    /**
     * Starts a backup of a plan now, outside its schedule, as a tick would (with its lock, timeout,
     * retention, drills and events); returns at once. A run already going makes it a {@code
     * BackupSkipped}, except the catch-up at start-up, which it waits for: that check may find a recent
     * backup and make none.
     *
     * @param plan the plan's name
     * @return false when this runtime has no such plan or is closed
     */
    public boolean backupNow(String plan) {
        return scheduler.runNow(plan);
    }

    /**
     * Backs up a plan now with a label in its manifest, and waits for it: a plan's run already going is
     * waited for first (never skipped for this one), then this run takes the plan's lock and timeout and
     * reports its events, and retention applies after it, as for a tick. {@code planb list} and
     * {@code planb status} show the label; the Spring Boot starter labels the backup it takes before
     * database migrations this way.
     *
     * <pre>{@code
     * BackupResult before = planb.backupAndWait("app", "before V42__drop_legacy");
     * }</pre>
     *
     * @param plan the plan's name
     * @param label one line of at most {@value dev.planb.spi.Manifest#MAX_LABEL_LENGTH} characters
     * @return the stored backup
     * @throws PlanBException saying why when this runtime has no such plan or is closed, or the backup
     *     failed, timed out, or was skipped because another instance holds the plan's lock
     * @throws IllegalArgumentException when the label is blank, too long or not one line
     */
    public BackupResult backupAndWait(String plan, String label) {
        return scheduler.backupAndWait(plan, label);
    }

    /**
     * Drills a plan's newest backup now: restores it into a scratch database and checks it, with
     * the plan's {@link BackupPlan#verification()} checks if it has any; returns at once. The
     * result comes as a {@code Verified} or {@code VerificationFailed} event and in {@link #status(String)}.
     *
     * @param plan the plan's name
     * @return false when this runtime has no such plan or is closed
     */
    public boolean verifyNow(String plan) {
        return scheduler.verifyNow(plan);
    }

    /**
     * {@return where a plan stands: last success, last failure, last verification, next run, and whether it is idle,
     * running (with progress) or stale; empty for a plan this runtime does not run}
     *
     * @param plan the plan's name
     */
    public Optional<PlanStatus> status(String plan) {
        return board.status(plan).map(status -> status.withNextRun(scheduler.nextTick(plan)));
    }

    /** {@return the status of every plan, in the order they were added} */
    public List<PlanStatus> status() {
        return board.all().stream().map(status -> status.withNextRun(scheduler.nextTick(status.plan()))).toList();
    }

    /**
     * Checks staleness now, as the runtime does every {@link Builder#stalenessCheckEvery(Duration)},
     * and publishes {@link BackupStale} for each plan that has just become stale.
     *
     * @return the events raised now; a plan already reported is reported again only after a new backup
     */
    public List<BackupStale> checkStaleness() {
        return staleness.check();
    }

    /**
     * Stops the runtime: no new runs start; a running backup may finish within the
     * {@link Builder#shutdownGrace(Duration) shutdown grace period}, then is stopped and leaves
     * nothing visible (one already writing its manifests finishes). Waits up to 30 seconds more for
     * runs to end. Then each notifier sends what it still has queued (a few seconds at most). Calling it again does nothing.
     */
    @Override
    public void close() {
        scheduler.close();
        notifiers.close();
    }

    /**
     * Starts running the plans on their schedules (with the catch-up runs that are due) and checking
     * their staleness; a runtime from {@link Builder#start()} already runs, and calling it again does nothing.
     * Status and {@link #plans()} work before it, from what is on storage.
     *
     * @return this runtime
     */
    public PlanB start() {
        if (started.compareAndSet(false, true)) {
            scheduler.start();
            scheduler.repeat("staleness check", staleness::check, stalenessCheck);
        }
        return this;
    }

    /** Configures a runtime; {@link #start()} checks the plans and starts it. */
    public static final class Builder {
        private final List<BackupPlan> plans = new ArrayList<>();
        private final List<PullJob> pulls = new ArrayList<>();
        private final List<PlanBListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private int threads = 2;
        private Duration stalenessCheck = Duration.ofMinutes(1);
        private Duration shutdownGrace = Duration.ZERO;

        private Builder() {
        }

        /**
         * Adds a plan; it needs a {@link BackupPlan#schedule()}.
         *
         * @param plan the plan; {@link #build()} refuses one without a schedule or with another's name
         * @return this builder
         * @throws NullPointerException when {@code plan} is null
         */
        public Builder plan(BackupPlan plan) {
            plans.add(Objects.requireNonNull(plan, "plan"));
            return this;
        }

        /**
         * Adds several plans, as {@link #plan(BackupPlan)} each.
         *
         * @param plans the plans, in order
         * @return this builder
         * @throws NullPointerException when one of them is null
         */
        public Builder plans(List<BackupPlan> plans) {
            plans.forEach(this::plan);
            return this;
        }

        /**
         * Adds a pull to run on its {@link PullJob#schedule()}, e.g. on the backup host that
         * empties production's outbox; its {@code Pulled} and {@code PullFailed} events go to this
         * runtime's listeners.
         *
         * @param pull the pull; {@link #build()} refuses one without a schedule or with another's name
         * @return this builder
         * @throws NullPointerException when {@code pull} is null
         */
        public Builder pull(PullJob pull) {
            pulls.add(Objects.requireNonNull(pull, "pull"));
            return this;
        }

        /**
         * Adds a listener for every event of every plan; listeners are called in the order added, after the log.
         *
         * @param listener receives the events on the runtime's threads
         * @return this builder
         * @throws NullPointerException when {@code listener} is null
         */
        public Builder listener(PlanBListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The clock that ticks and backup ids are read from (default: the system clock, UTC).
         *
         * @param clock the clock, e.g. a fixed one in tests
         * @return this builder
         * @throws NullPointerException when {@code clock} is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How many backups may run at the same time (default 2).
         *
         * @param threads 1 or more; checked by {@link #build()}
         * @return this builder
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * How often plans' staleness is checked (default every minute).
         *
         * @param period positive; checked by {@link #build()}
         * @return this builder
         */
        public Builder stalenessCheckEvery(Duration period) {
            this.stalenessCheck = period;
            return this;
        }

        /**
         * How long {@link PlanB#close()} lets running backups finish before it stops them (default
         * zero: stopped at once). A backup stopped leaves nothing visible either way.
         *
         * @param grace zero or positive; checked by {@link #build()}
         * @return this builder
         */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * Checks the plans and starts running them: {@code build().start()}.
         *
         * @return the running runtime; {@link PlanB#close()} it at shutdown
         * @throws PlanBException as {@link #build()} does
         */
        public PlanB start() {
            return build().start();
        }

        /**
         * Checks the plans and makes the runtime without starting it: {@link PlanB#start()} does, e.g.
         * when the application that holds it has started.
         *
         * @return the runtime, not started
         * @throws PlanBException naming the setting when a plan or pull has no schedule, two share a name,
         *     {@code threads} is below 1, the staleness period is not positive or the shutdown grace is negative
         */
        public PlanB build() {
            if (stalenessCheck == null || stalenessCheck.isNegative() || stalenessCheck.isZero()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "PlanB stalenessCheckEvery is " + stalenessCheck
                        + ": use a positive duration, e.g. Duration.ofMinutes(1)");
            }
            if (threads < 1) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "PlanB threads is " + threads + ": use 1 or more");
            }
            if (shutdownGrace == null || shutdownGrace.isNegative()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "PlanB shutdownGrace is " + shutdownGrace
                        + ": use zero or a positive duration, e.g. Duration.ofSeconds(30)");
            }
            Set<String> names = new HashSet<>();
            for (BackupPlan plan : plans) {
                if (plan.schedule().isEmpty()) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "Plan '" + plan.name()
                            + "' has no schedule: set one with schedule(Schedule.cron(\"0 0 2 * * *\")) or Schedule.every(...)");
                }
                if (!names.add(plan.name())) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "Plan '" + plan.name()
                            + "' is added twice: give each plan its own name");
                }
            }
            for (PullJob pull : pulls) {
                if (pull.schedule().isEmpty()) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull '" + pull.name()
                            + "' has no schedule: set one with schedule(Schedule.every(Duration.ofMinutes(15)))");
                }
                if (!names.add(pull.name())) {
                    throw new PlanBException(ErrorCode.INVALID_SETTING, "Pull '" + pull.name()
                            + "' has the name of another plan or pull: give each its own name");
                }
            }
            StatusBoard board = new StatusBoard(clock);
            plans.forEach(board::track); // the newest backups on storage, so a restart forgets nothing
            PlanNotifiers notifiers = new PlanNotifiers(plans);
            List<PlanBListener> all = new ArrayList<>(List.of(new LogNotifier(), board, notifiers));
            all.addAll(listeners);
            EventPublisher events = new EventPublisher(all);
            PlanScheduler scheduler = new PlanScheduler(plans, pulls, events, clock, threads, shutdownGrace);
            StalenessMonitor staleness = new StalenessMonitor(board, events::publish, clock);
            return new PlanB(scheduler, board, staleness, notifiers, stalenessCheck);
        }
    }
}
