/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.verify;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.crypto.Decryption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When and how the runtime drills a plan's backups: restores the newest into a scratch database
 * made and dropped by PlanB, checks it, and flags the plan when no drill has passed for too long.
 *
 * <pre>{@code
 * BackupPlan.builder("app")
 *         ...
 *         .verification(VerificationPolicy.every(Duration.ofDays(7))     // or everyNthBackup(10)
 *                 .onServer(DatabaseSource.of("jdbc:postgresql://drills:5432/postgres", "planb", secret))
 *                 .check("select count(*) from orders where created_at > now() - interval '1 day' >= 1")
 *                 .fingerprint("countries")
 *                 .maxAge(Duration.ofDays(8))
 *                 .build())
 * }</pre>
 *
 * @param interval drill when the newest drill of the plan is at least this old; {@code null} when counted in backups
 * @param everyNthBackup drill after this many backups since the last drilled one; 0 when timed
 * @param server the server to drill on, or {@code null} for the plan's own database server
 * @param checks the SQL checks run on every drill
 * @param fingerprintedTables tables whose ordered primary-key hash is recorded and compared
 * @param maxAge how old the newest passing drill may be before the plan is flagged, or {@code null}
 *     for twice the interval (timed drills) and no flag (counted drills)
 * @param decryption what opens the plan's encrypted backups for a drill; {@link Decryption#none()} when they are not
 */
public record VerificationPolicy(Duration interval, int everyNthBackup, DatabaseSource server, List<SqlCheck> checks,
        List<String> fingerprintedTables, Duration maxAge, Decryption decryption) {

    /**
     * Checks the values and copies the lists.
     *
     * @param interval drill when the newest drill is at least this old; {@code null} when counted in backups
     * @param everyNthBackup drill after this many backups; 0 when timed
     * @param server the server to drill on, or {@code null} for the plan's own database server
     * @param checks the SQL checks run on every drill
     * @param fingerprintedTables tables whose ordered primary-key hash is recorded and compared
     * @param maxAge how old the newest passing drill may be before the plan is flagged, or {@code null}
     * @param decryption what opens the plan's encrypted backups; {@code null} for {@link Decryption#none()}
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} unless exactly one of {@code interval} and
     *     {@code everyNthBackup} is set, or when {@code interval} or {@code maxAge} is not positive
     */
    public VerificationPolicy {
        checks = List.copyOf(checks);
        fingerprintedTables = List.copyOf(fingerprintedTables);
        decryption = decryption == null ? Decryption.none() : decryption;
        if ((interval == null) == (everyNthBackup < 1)) {
            throw invalid("needs either an interval (every(Duration.ofDays(7))) or a count (everyNthBackup(10))");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw invalid("interval " + interval + " must be positive");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw invalid("maxAge " + maxAge + " must be positive");
        }
    }

    /**
     * Drills when the newest drill is at least {@code interval} old, e.g. weekly.
     *
     * @param interval a positive duration, e.g. {@code Duration.ofDays(7)} (checked by {@link Builder#build()})
     * @return a builder for the rest of the policy
     */
    public static Builder every(Duration interval) {
        return new Builder(interval, 0);
    }

    /**
     * Drills after every {@code count} backups.
     *
     * @param count how many backups since the last drilled one, 1 or more
     * @return a builder for the rest of the policy
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code count} is below 1
     */
    public static Builder everyNthBackup(int count) {
        if (count < 1) {
            throw invalid("everyNthBackup(" + count + ") must count 1 or more backups");
        }
        return new Builder(null, count);
    }

    /** {@return the server to drill on; empty for the plan's own database server} */
    public Optional<DatabaseSource> drillServer() {
        return Optional.ofNullable(server);
    }

    /**
     * {@return how old the newest passing drill may be before the plan is flagged: {@code maxAge}, else twice
     * the interval; empty for never (counted drills without {@code maxAge})}
     */
    public Optional<Duration> staleAfter() {
        return Optional.ofNullable(maxAge != null ? maxAge : interval == null ? null : interval.multipliedBy(2));
    }

    private static PlanBException invalid(String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "Verification policy " + problem);
    }

    /** Builds a {@link VerificationPolicy}. */
    public static final class Builder {
        private final Duration interval;
        private final int everyNthBackup;
        private DatabaseSource server;
        private final List<SqlCheck> checks = new ArrayList<>();
        private final List<String> fingerprintedTables = new ArrayList<>();
        private Duration maxAge;
        private Decryption decryption = Decryption.none();

        private Builder(Duration interval, int everyNthBackup) {
            this.interval = interval;
            this.everyNthBackup = everyNthBackup;
        }

        /**
         * Drills on this server (default: the plan's own database server). A separate server is
         * recommended; its user needs the right to create databases. Its own database is only used
         * to connect.
         *
         * @param server the server to make the scratch database on
         * @return this builder
         */
        public Builder onServer(DatabaseSource server) {
            this.server = server;
            return this;
        }

        /**
         * Adds a check, e.g. {@code SqlCheck.of("select count(*) from orders", Comparison.AT_LEAST, "1")}.
         *
         * @param check a check run on every drill
         * @return this builder
         */
        public Builder check(SqlCheck check) {
            checks.add(check);
            return this;
        }

        /**
         * Adds a check written as {@code QUERY OP VALUE}; see {@link SqlCheck#parse(String)}.
         *
         * @param check the check as one line, e.g. {@code select count(*) from orders >= 1}
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when it does not end with a comparison
         */
        public Builder check(String check) {
            return check(SqlCheck.parse(check));
        }

        /**
         * Records the ordered hash of this (small) table's primary keys on every drill, and compares it with
         * earlier drills.
         *
         * @param table the table's name as the manifest records it
         * @return this builder
         */
        public Builder fingerprint(String table) {
            fingerprintedTables.add(table);
            return this;
        }

        /**
         * Flags the plan ({@code VerificationStale}) when no drill has passed for this long (default: twice the
         * interval for timed drills, never for counted ones).
         *
         * @param maxAge a positive duration (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * What opens the plan's encrypted backups (a secret key or the passphrase). A plan
         * encrypted to a public key whose secret key the application does not hold cannot be
         * drilled by it: drill it where the key is, with {@code planb verify}.
         *
         * @param decryption the secret key or passphrase; {@code null} or {@link Decryption#none()} for a plan
         *     that is not encrypted
         * @return this builder
         */
        public Builder decryption(Decryption decryption) {
            this.decryption = decryption;
            return this;
        }

        /**
         * Makes the policy.
         *
         * @return the policy
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the interval or {@code maxAge} is not
         *     positive
         */
        public VerificationPolicy build() {
            return new VerificationPolicy(interval, everyNthBackup, server, checks, fingerprintedTables, maxAge,
                    decryption);
        }
    }
}
