/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pitr;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.crypto.Decryption;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Destination;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.RecoveryTarget;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link dev.planb.PlanB#restoreToPoint(PointInTimeRequest)} restores: a plan's log chain from one
 * destination, to a target, into a PostgreSQL data directory or a MariaDB/MySQL database.
 *
 * <pre>{@code
 * PointInTimeRequest.builder().from(destination).plan("app")
 *         .target(RecoveryTarget.time(Instant.parse("2026-12-05T07:12:00Z")))
 *         .dataDirectory(Path.of("/srv/pg-restored")).build();
 * }</pre>
 */
public final class PointInTimeRequest {

    private final Destination from;
    private final String plan;
    private final RecoveryTarget target;
    private final RecoveryDestination destination;
    private final DatabaseEngine engine;
    private final Decryption decryption;

    private PointInTimeRequest(Builder builder) {
        this.from = builder.from;
        this.plan = builder.plan;
        this.target = builder.target;
        this.destination = builder.dataDirectory != null ? RecoveryDestination.dataDirectory(builder.dataDirectory)
                : RecoveryDestination.database(builder.database, builder.force);
        this.engine = builder.engine;
        this.decryption = builder.decryption;
    }

    /** {@return a builder for a request} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the destination the chain is read from} */
    public Destination from() {
        return from;
    }

    /** {@return the plan, or empty to use the only plan on the destination} */
    public Optional<String> plan() {
        return Optional.ofNullable(plan);
    }

    /** {@return where recovery stops} */
    public RecoveryTarget target() {
        return target;
    }

    /** {@return where the restore goes: a data directory or a database} */
    public RecoveryDestination destination() {
        return destination;
    }

    /** {@return the engine to use, or empty to choose it from the chain's manifest} */
    public Optional<DatabaseEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** {@return how encrypted files are opened} */
    public Decryption decryption() {
        return decryption;
    }

    /** Builds a {@link PointInTimeRequest}. */
    public static final class Builder {
        private Destination from;
        private String plan;
        private RecoveryTarget target = RecoveryTarget.latest();
        private Path dataDirectory;
        private DatabaseSource database;
        private boolean force;
        private DatabaseEngine engine;
        private Decryption decryption = Decryption.none();

        private Builder() {
        }

        /**
         * Sets the destination to read from (required).
         *
         * @param from the destination holding the plan's base backups and logs
         * @return this builder
         */
        public Builder from(Destination from) {
            this.from = from;
            return this;
        }

        /**
         * Sets the plan; may be left out when the destination holds one plan only.
         *
         * @param plan the plan's name
         * @return this builder
         */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /**
         * Sets where recovery stops.
         *
         * @param target the target; {@link RecoveryTarget#latest()} unless set
         * @return this builder
         */
        public Builder target(RecoveryTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * PostgreSQL: sets the folder the recovered data directory is made in.
         *
         * @param dataDirectory a folder that is absent or empty
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /**
         * MariaDB/MySQL: sets the database to restore into.
         *
         * @param database the target database
         * @return this builder
         */
        public Builder database(DatabaseSource database) {
            this.database = database;
            return this;
        }

        /**
         * Sets whether a database holding data may be replaced.
         *
         * @param force {@code true} to replace it (default {@code false}: refuse)
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * Sets the engine, with its tool options.
         *
         * @param engine the engine; chosen from the manifest unless set
         * @return this builder
         */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Sets how encrypted files are opened.
         *
         * @param decryption the key or passphrase; {@link Decryption#none()} unless set
         * @return this builder
         */
        public Builder decryption(Decryption decryption) {
            this.decryption = Objects.requireNonNull(decryption, "decryption");
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         * @throws PlanBException
 when the source or the destination is missing, or both a data directory and a
         *     database are given
         */
        public PointInTimeRequest build() {
            if (from == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "point-in-time restore needs the destination to read"
                        + " from (--from)");
            }
            if ((dataDirectory == null) == (database == null)) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "point-in-time restore needs exactly one target:"
                        + " a data directory (--to-data-dir, PostgreSQL) or a database (--to-db, MariaDB/MySQL)");
            }
            return new PointInTimeRequest(this);
        }
    }
}
