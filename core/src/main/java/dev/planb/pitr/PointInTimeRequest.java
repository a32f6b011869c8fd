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

    /** Starts a request. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where the chain is read from. */
    public Destination from() {
        return from;
    }

    /** The plan, or empty to use the only plan on the destination. */
    public Optional<String> plan() {
        return Optional.ofNullable(plan);
    }

    /** Where recovery stops. */
    public RecoveryTarget target() {
        return target;
    }

    /** Where the restore goes. */
    public RecoveryDestination destination() {
        return destination;
    }

    /** The engine to use, or empty to choose it from the chain's manifest. */
    public Optional<DatabaseEngine> engine() {
        return Optional.ofNullable(engine);
    }

    /** How encrypted files are opened. */
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

        /** The destination to read from (required). */
        public Builder from(Destination from) {
            this.from = from;
            return this;
        }

        /** The plan; may be left out when the destination holds one plan only. */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /** Where recovery stops; {@link RecoveryTarget#latest()} unless set. */
        public Builder target(RecoveryTarget target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** PostgreSQL: the folder the recovered data directory is made in (absent or empty). */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** MariaDB/MySQL: the database to restore into. */
        public Builder database(DatabaseSource database) {
            this.database = database;
            return this;
        }

        /** Whether a database holding data may be replaced. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** The engine (with its tool options); chosen from the manifest unless set. */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /** How encrypted files are opened; {@link Decryption#none()} unless set. */
        public Builder decryption(Decryption decryption) {
            this.decryption = Objects.requireNonNull(decryption, "decryption");
            return this;
        }

        /**
         * Makes the request.
         *
         * @throws PlanBException when the source or the destination is missing, or both a data directory and a
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
