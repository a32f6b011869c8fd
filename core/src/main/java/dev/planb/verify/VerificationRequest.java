/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.spi.DatabaseEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one verification checks. Without a server or target it checks checksums only; with a
 * {@link Builder#drillOn server}, it is a restore drill: PlanB creates {@code planb_verify_<random>}
 * there, restores the backup into it, checks it and drops it.
 *
 * <pre>{@code
 * VerificationRequest request = VerificationRequest.builder()
 *         .plan("app")
 *         .drillOn(DatabaseSource.of("jdbc:postgresql://drills:5432/postgres", "planb", secret))
 *         .check(SqlCheck.parse("select count(*) from orders >= 1"))
 *         .liveDatabase(appDatabase)           // to report tables the backup leaves out
 *         .build();
 * }</pre>
 *
 * @param plan the plan, or {@code null} when the destination holds one plan
 * @param backup a backup id or {@code latest}
 * @param server the server to drill on (its own database is only used to connect), or {@code null}
 * @param target an existing database to restore into instead of a scratch one, or {@code null}
 * @param allowNonScratchTarget whether {@code target} may be a database whose name is not {@code planb_verify_…}
 * @param checks the SQL checks to run on the restored database
 * @param fingerprintedTables tables whose ordered primary-key hash to record
 * @param liveDatabase the database the backup was made from, for the coverage review, or {@code null}
 * @param coveredDatabases databases on the server that other plans back up (not reported as missed)
 * @param engine the engine that restores, with its restore options (MariaDB's definers; PostgreSQL's {@code noOwner}, so a
 *     drill run by the application's own user passes where other roles own objects), or {@code null} for the
 *     one the drill server's URL chooses, with default options
 */
public record VerificationRequest(String plan, String backup, DatabaseSource server, DatabaseSource target,
        boolean allowNonScratchTarget, List<SqlCheck> checks, List<String> fingerprintedTables,
        DatabaseSource liveDatabase, Set<String> coveredDatabases, DatabaseEngine engine) {

    /**
     * Checks the values and copies the collections.
     *
     * @param plan the plan, or {@code null} when the destination holds one plan
     * @param backup a backup id, or {@code latest} (also when {@code null})
     * @param server the server to drill on, or {@code null}
     * @param target an existing database to restore into instead of a scratch one, or {@code null}
     * @param allowNonScratchTarget whether {@code target} may be a database not named {@code planb_verify_…}
     * @param checks the SQL checks to run on the restored database
     * @param fingerprintedTables tables whose ordered primary-key hash to record
     * @param liveDatabase the database the backup was made from, for the coverage review, or {@code null}
     * @param coveredDatabases databases on the server that other plans back up
     * @param engine the engine that restores, with its restore options, or {@code null} for the URL's default
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when both {@code server} and {@code target}
     *     are given, or checks or fingerprints are given with neither
     */
    public VerificationRequest {
        backup = backup == null ? RestoreRequest.LATEST : backup;
        if (server != null && target != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "verification has both a server to drill on and a"
                    + " target database: give one");
        }
        checks = List.copyOf(checks);
        fingerprintedTables = List.copyOf(fingerprintedTables);
        coveredDatabases = Set.copyOf(coveredDatabases);
        if ((!checks.isEmpty() || !fingerprintedTables.isEmpty()) && server == null && target == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "verification has SQL checks or fingerprints but"
                    + " nothing to restore into: give a server to drill on (planb verify --restore-to)");
        }
    }

    /** {@return a builder for a checksum-only verification of the latest backup, until told more} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the plan, if one was named; empty means the destination's only plan} */
    public Optional<String> planName() {
        return Optional.ofNullable(plan);
    }

    /** {@return whether the backup is restored, into a scratch database or the target; if not, checksums only} */
    public boolean restores() {
        return server != null || target != null;
    }

    /** Builds a {@link VerificationRequest}. */
    public static final class Builder {
        private String plan;
        private String backup = RestoreRequest.LATEST;
        private DatabaseSource server;
        private DatabaseSource target;
        private boolean allowNonScratchTarget;
        private final List<SqlCheck> checks = new ArrayList<>();
        private final List<String> fingerprintedTables = new ArrayList<>();
        private DatabaseSource liveDatabase;
        private final Set<String> coveredDatabases = new LinkedHashSet<>();
        private DatabaseEngine engine;

        private Builder() {
        }

        /**
         * The plan to verify (optional when the destination holds one plan).
         *
         * @param plan the plan's name
         * @return this builder
         */
        public Builder plan(String plan) {
            this.plan = plan;
            return this;
        }

        /**
         * The backup to verify.
         *
         * @param backup a backup id as {@code planb list} shows it, or {@code latest} (the default)
         * @return this builder
         */
        public Builder backup(String backup) {
            this.backup = backup;
            return this;
        }

        /**
         * Drills on this server: a scratch database {@code planb_verify_<random>} is created there
         * and dropped afterwards, even when the drill fails or the process is interrupted. For
         * SQLite and H2, the scratch database is a temporary file and only the URL's kind counts.
         *
         * @param server a server whose user may create databases; its own database is only used to connect
         * @return this builder
         */
        public Builder drillOn(DatabaseSource server) {
            this.server = server;
            return this;
        }

        /**
         * Restores into this existing database instead. A database not named
         * {@code planb_verify_…} is refused unless {@code allowNonScratch} is set: its content
         * would be replaced.
         *
         * @param target the database to restore into
         * @param allowNonScratch {@code true} to accept a database with another name
         * @return this builder
         */
        public Builder restoreInto(DatabaseSource target, boolean allowNonScratch) {
            this.target = target;
            this.allowNonScratchTarget = allowNonScratch;
            return this;
        }

        /**
         * Adds SQL checks to run on the restored database.
         *
         * @param checks the checks, run in this order after those already added
         * @return this builder
         */
        public Builder checks(List<SqlCheck> checks) {
            this.checks.addAll(checks);
            return this;
        }

        /**
         * Adds a SQL check to run on the restored database.
         *
         * @param check the check
         * @return this builder
         */
        public Builder check(SqlCheck check) {
            this.checks.add(check);
            return this;
        }

        /**
         * Adds tables whose ordered primary-key hash is recorded and compared with earlier drills of the backup.
         *
         * @param tables the tables' names as the manifest records them
         * @return this builder
         */
        public Builder fingerprints(List<String> tables) {
            this.fingerprintedTables.addAll(tables);
            return this;
        }

        /**
         * The live database the backup was made from: its tables missing from the backup, and databases on its
         * server no plan backs up, are reported.
         *
         * @param liveDatabase the application's database
         * @return this builder
         */
        public Builder liveDatabase(DatabaseSource liveDatabase) {
            this.liveDatabase = liveDatabase;
            return this;
        }

        /**
         * Databases on the server other plans back up, so they are not reported as missed.
         *
         * @param databases the databases' names
         * @return this builder
         */
        public Builder coveredDatabases(Set<String> databases) {
            this.coveredDatabases.addAll(databases);
            return this;
        }

        /**
         * The engine that restores, with its restore options, e.g.
         * {@code new PostgresEngine(PostgresOptions.builder().noOwner(true).build())} or
         * {@code new MariaDbEngine(MariaDbOptions.DEFAULTS.withDefiners(Definers.CURRENT_USER))} (default: the one the
         * drill server's URL chooses, with default options).
         *
         * @param engine the configured engine
         * @return this builder
         */
        public Builder engine(DatabaseEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Makes the request.
         *
         * @return the request
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when it has both a drill server and a
         *     target, or checks or fingerprints but nothing to restore into
         */
        public VerificationRequest build() {
            return new VerificationRequest(plan, backup, server, target, allowNonScratchTarget, checks,
                    fingerprintedTables, liveDatabase, coveredDatabases, engine);
        }
    }
}
