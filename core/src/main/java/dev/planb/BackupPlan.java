/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.change.DestructiveChangePolicy;
import dev.planb.crypto.Encryption;
import dev.planb.engine.DatabaseEngines;
import dev.planb.files.DirectorySource;
import dev.planb.lock.PlanLocks;
import dev.planb.notify.Notifier;
import dev.planb.retention.RetentionPolicy;
import dev.planb.schedule.Schedule;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.PlanLock;
import dev.planb.spi.PlanName;
import dev.planb.verify.VerificationPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to back up, how, and where to: a name, a database, a compression and one or more
 * destinations. Immutable; made with {@link #builder(String)}, which checks every setting.
 *
 * <pre>{@code
 * BackupPlan plan = BackupPlan.builder("app")
 *         .database(DatabaseSource.of("jdbc:sqlite:/var/lib/app/app.db"))
 *         .destination(new LocalDirectoryDestination(Path.of("/var/backups/app")))
 *         .destination(new LocalDirectoryDestination(Path.of("/mnt/offsite/app")))
 *         .build();
 * BackupResult result = PlanB.backup(plan);
 * }</pre>
 */
public final class BackupPlan {

    /** How long a run may take unless {@link Builder#timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(4);

    private final String name;
    private final DatabaseSource database;
    private final DatabaseEngine engine;
    private final Compression compression;
    private final Encryption encryption;
    private final List<Destination> destinations;
    private final Map<Destination, RetentionPolicy> retention;
    private final Schedule schedule;
    private final Duration timeout;
    private final PlanLock lock;
    private final List<DirectorySource> files;
    private final Duration maxAge;
    private final List<Notifier> notifiers;
    private final VerificationPolicy verification;
    private final DestructiveChangePolicy destructiveChange;

    private BackupPlan(Builder builder, DatabaseEngine engine) {
        this.name = builder.name;
        this.database = builder.database;
        this.engine = engine;
        this.compression = builder.compression;
        this.encryption = builder.encryption;
        this.destinations = List.copyOf(builder.destinations);
        this.retention = new IdentityHashMap<>(builder.retention);
        this.schedule = builder.schedule;
        this.timeout = builder.timeout;
        this.lock = builder.lock != null ? builder.lock : PlanLocks.defaultFor(builder.database);
        this.files = List.copyOf(builder.files);
        this.maxAge = builder.maxAge;
        this.notifiers = List.copyOf(builder.notifiers);
        this.verification = builder.verification;
        this.destructiveChange = builder.destructiveChange;
    }

    /**
     * Starts a plan.
     *
     * @param name the plan's name: it becomes a folder on every destination, so use lower-case
     *     letters, digits, '.', '_' and '-'; checked by {@link Builder#build()}
     * @return a builder with the defaults: preferred compression, no encryption, a four-hour timeout
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** {@return the plan's name, also its folder on every destination} */
    public String name() {
        return name;
    }

    /** {@return the database to back up} */
    public DatabaseSource database() {
        return database;
    }

    /** {@return the engine that dumps the database: the one set on the builder, or the one its JDBC URL chooses} */
    public DatabaseEngine engine() {
        return engine;
    }

    /** {@return how dumps are compressed; {@link Compression#preferred()} unless set} */
    public Compression compression() {
        return compression;
    }

    /** {@return how dumps are encrypted after compression; {@link Encryption#none()} unless set} */
    public Encryption encryption() {
        return encryption;
    }

    /** {@return where every backup is written, each a complete copy, in the order they were added} */
    public List<Destination> destinations() {
        return destinations;
    }

    /**
     * The retention policy of a destination of this plan, applied after each successful scheduled
     * run.
     *
     * @param destination one of {@link #destinations()}: the same instance (looked up by identity)
     * @return the policy; empty when the destination keeps every backup or is not one of this plan's
     */
    public Optional<RetentionPolicy> retention(Destination destination) {
        return Optional.ofNullable(retention.get(destination));
    }

    /** {@return when the runtime ({@link PlanB#builder()}) runs this plan; empty for a plan run by hand only} */
    public Optional<Schedule> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** {@return how long a run may take before it is stopped and reported as timed out} */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@return what makes sure only one application instance runs this plan at a time} The one set on the builder, or
     * {@link PlanLocks#defaultFor(DatabaseSource)}.
     */
    public PlanLock lock() {
        return lock;
    }

    /** {@return the directory trees backed up with the database, in the same backup; empty unless added} */
    public List<DirectorySource> files() {
        return files;
    }

    /** {@return how old the newest successful backup may get before the plan is stale; empty when not watched} */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** {@return who is told about this plan's events, besides the log; empty unless added} */
    public List<Notifier> notifiers() {
        return notifiers;
    }

    /** {@return when and how the runtime drills this plan's backups (restores and checks them); empty for never} */
    public Optional<VerificationPolicy> verification() {
        return Optional.ofNullable(verification);
    }

    /**
     * {@return when a backup counts as a destructive change against the previous one (tables dropped or emptied), and
     * how long the last good backup is then held} {@link DestructiveChangePolicy#defaults()} unless set.
     */
    public DestructiveChangePolicy destructiveChange() {
        return destructiveChange;
    }

    @Override
    public String toString() {
        return "BackupPlan[" + name + ", " + database.redactedUrl() + " -> "
                + destinations.stream().map(Destination::description).toList() + "]";
    }

    /** Builds a {@link BackupPlan}; {@link #build()} names any bad setting. */
    public static final class Builder {
        private final String name;
        private DatabaseSource database;
        private Compression compression;
        private Encryption encryption = Encryption.none();
        private final List<Destination> destinations = new ArrayList<>();
        private final Map<Destination, RetentionPolicy> retention = new IdentityHashMap<>();
        private Schedule schedule;
        private Duration timeout = DEFAULT_TIMEOUT;
        private PlanLock lock;
        private final List<DirectorySource> files = new ArrayList<>();
        private DatabaseEngine engine;
        private Duration maxAge;
        private final List<Notifier> notifiers = new ArrayList<>();
        private VerificationPolicy verification;
        private DestructiveChangePolicy destructiveChange = DestructiveChangePolicy.defaults();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * The database to back up (required).
         *
         * @param database the database; its JDBC URL chooses the engine unless {@link #engine} is set
         * @return this builder
         */
        public Builder database(DatabaseSource database) {
            this.database = database;
            return this;
        }

        /**
         * How dumps are compressed (default {@link Compression#preferred()}: zstd, or gzip where zstd cannot load).
         *
         * @param compression the format; {@code null} for the default
         * @return this builder
         */
        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        /**
         * How dumps are encrypted (default: not at all), e.g.
         * {@code Encryption.toPublicKeys(Path.of("/etc/app/backup-public.asc"))}.
         *
         * @param encryption the encryption; not null: {@link Encryption#none()} for none
         * @return this builder
         */
        public Builder encryption(Encryption encryption) {
            this.encryption = encryption;
            return this;
        }

        /**
         * Adds a destination; a plan needs at least one, and each gets a complete copy.
         *
         * @param destination the destination; {@link #build()} refuses one listed twice
         * @return this builder
         * @throws NullPointerException when {@code destination} is null
         */
        public Builder destination(Destination destination) {
            this.destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        /**
         * Adds a destination whose old backups are pruned with {@code policy} after each
         * successful scheduled run (see {@link RetentionPolicy}).
         *
         * @param destination the destination; {@link #build()} refuses one listed twice
         * @param policy which backups to keep there
         * @return this builder
         * @throws NullPointerException when {@code destination} or {@code policy} is null
         */
        public Builder destination(Destination destination, RetentionPolicy policy) {
            destination(destination);
            retention.put(destination, Objects.requireNonNull(policy, "policy"));
            return this;
        }

        /**
         * Adds several destinations, as {@link #destination(Destination)} each, without retention.
         *
         * @param destinations the destinations, in order
         * @return this builder
         * @throws NullPointerException when one of them is null
         */
        public Builder destinations(List<? extends Destination> destinations) {
            destinations.forEach(this::destination);
            return this;
        }

        /**
         * When the runtime runs the plan, e.g. {@code Schedule.cron("0 30 2 * * *")} (default: by hand only).
         *
         * @param schedule the schedule, or {@code null} for none
         * @return this builder
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * How long a run may take (default {@link BackupPlan#DEFAULT_TIMEOUT}). A run that takes
         * longer is stopped, reported as "timed out after …", and leaves no backup.
         *
         * @param timeout positive; checked by {@link #build()}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * What keeps a second application instance from running the plan at the same time
         * (default: {@link PlanLocks#defaultFor(DatabaseSource)}).
         *
         * @param lock the lock, or {@code null} for the default
         * @return this builder
         */
        public Builder lock(PlanLock lock) {
            this.lock = lock;
            return this;
        }

        /**
         * Adds a directory tree (uploads, configuration) to back up with the database, in the
         * same backup; repeatable, each with a distinct {@link DirectorySource#name()}.
         *
         * @param source the tree; {@link #build()} refuses two sources of the same name
         * @return this builder
         * @throws NullPointerException when {@code source} is null
         */
        public Builder files(DirectorySource source) {
            this.files.add(Objects.requireNonNull(source, "files"));
            return this;
        }

        /**
         * The engine, with its options (default: the one for the JDBC URL, with default options).
         *
         * <pre>{@code
         * .engine(new PostgresEngine(PostgresOptions.builder().excludeSchema("audit").build()))
         * }</pre>
         *
         * @param engine the engine; {@link #build()} refuses one that does not handle the database's URL
         * @return this builder
         */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Raises {@link dev.planb.event.BackupStale} when the newest successful backup is older
         * than {@code maxAge}, even when no run failed (the scheduler stopped, the application was
         * down). Choose it above the interval between backups, e.g. 26 hours for a daily backup.
         *
         * @param maxAge positive, checked by {@link #build()}; {@code null} not to watch (the default)
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Adds a notifier, e.g. {@code Webhook.slack(url).build()}; the log is always written.
         *
         * @param notifier who to tell about the plan's events
         * @return this builder
         * @throws NullPointerException when {@code notifier} is null
         */
        public Builder notifier(Notifier notifier) {
            this.notifiers.add(Objects.requireNonNull(notifier, "notifier"));
            return this;
        }

        /**
         * Has the runtime drill the plan's backups: restore the newest into a scratch database,
         * check it and drop it, e.g. {@code VerificationPolicy.every(Duration.ofDays(7)).build()}.
         *
         * @param verification when and where to drill, or {@code null} never to (the default)
         * @return this builder
         */
        public Builder verification(VerificationPolicy verification) {
            this.verification = verification;
            return this;
        }

        /**
         * Sets when a backup counts as a destructive change: by default a dropped table, or a table of 1,000 rows or
         * more that lost more than half of them, which puts the last good backup on hold for 30 days;
         * {@link DestructiveChangePolicy#off()} not to look.
         *
         * @param policy the thresholds and the hold's length
         * @return this builder
         * @throws NullPointerException when {@code policy} is null
         */
        public Builder destructiveChange(DestructiveChangePolicy policy) {
            this.destructiveChange = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Checks the settings and makes the plan.
         *
         * @return the plan
         * @throws PlanBException naming the plan and the bad setting
         */
        public BackupPlan build() {
            PlanName.check(name);
            if (database == null) {
                throw invalid("database is not set: call database(DatabaseSource.of(\"jdbc:...\"))");
            }
            if (compression == null) {
                compression = Compression.preferred();
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw invalid("timeout " + timeout + " must be positive, e.g. timeout(Duration.ofHours(1))");
            }
            if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
                throw invalid("maxAge " + maxAge + " must be positive, e.g. maxAge(Duration.ofHours(26)) for a daily backup");
            }
            if (encryption == null) {
                throw invalid("encryption is null: use Encryption.none(), toPublicKeys(...) or withPassphrase(...)");
            }
            if (destinations.isEmpty()) {
                throw invalid("has no destination: add at least one, e.g. new LocalDirectoryDestination(Path.of(\"backups\"))");
            }
            Set<String> seen = new HashSet<>();
            for (Destination destination : destinations) {
                if (!seen.add(destination.description())) {
                    throw invalid("lists destination " + destination.description() + " twice");
                }
            }
            Set<String> sources = new HashSet<>();
            for (DirectorySource source : files) {
                if (!sources.add(source.name())) {
                    throw invalid("has two files sources named '" + source.name()
                            + "': give one of them another name, e.g. DirectorySource.builder(dir).name(\"uploads\")");
                }
            }
            if (engine != null) {
                if (!engine.handles(database.jdbcUrl())) {
                    throw invalid("engine " + engine.name() + " does not handle " + database.redactedUrl()
                            + ": give an engine for " + String.join(" or ", engine.urlPrefixes()) + " URLs, or none");
                }
                return new BackupPlan(this, engine);
            }
            try {
                return new BackupPlan(this, DatabaseEngines.forUrl(database.jdbcUrl()));
            } catch (PlanBException e) {
                throw new PlanBException(e.code(), "Plan '" + name + "': " + e.getMessage(), e);
            }
        }

        private PlanBException invalid(String problem) {
            return new PlanBException(ErrorCode.INVALID_SETTING, "Plan '" + name + "' " + problem);
        }
    }
}
