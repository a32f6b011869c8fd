/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.s3;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The S3 Object Lock every object of a backup gets: a mode, how long it is retained, and an
 * optional legal hold. The bucket must have been created with Object Lock enabled.
 *
 * <pre>{@code
 * S3Destination.builder().bucket("backups").objectLock(ObjectLock.compliance(Duration.ofDays(30))).build();
 * }</pre>
 *
 * @param mode {@link Mode#COMPLIANCE} (nobody, not even the account's root user, can delete
 *     or shorten it) or {@link Mode#GOVERNANCE} (users with a special permission can)
 * @param retention how long after the upload each object stays locked
 * @param legalHold whether each object also gets a legal hold, which has no end date and stays
 *     until someone with permission removes it
 */
public record ObjectLock(Mode mode, Duration retention, boolean legalHold) {

    /**
     * Checks the settings.
     *
     * @param mode how strictly the lock holds, required
     * @param retention how long after the upload each object stays locked, positive
     * @param legalHold whether each object also gets a legal hold
     * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) when the mode is missing or the
     *     retention is missing, zero or negative
     */
    public ObjectLock {
        if (mode == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "S3 Object Lock mode is not set: use COMPLIANCE or GOVERNANCE");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "S3 Object Lock retention must be positive, e.g. 30 days; it is "
                    + retention);
        }
    }

    /**
     * A lock that nobody can lift early: the usual choice against ransomware and mistakes.
     *
     * @param retention how long after the upload each object stays locked, positive
     * @return a lock in {@link Mode#COMPLIANCE} mode for {@code retention}, without legal hold
     * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) when the retention is not positive
     */
    public static ObjectLock compliance(Duration retention) {
        return new ObjectLock(Mode.COMPLIANCE, retention, false);
    }

    /**
     * A lock that users with {@code s3:BypassGovernanceRetention} can still lift: useful to try
     * Object Lock out before committing to {@link #compliance(Duration)}.
     *
     * @param retention how long after the upload each object stays locked, positive
     * @return a lock in {@link Mode#GOVERNANCE} mode for {@code retention}, without legal hold
     * @throws PlanBException ({@link ErrorCode#INVALID_SETTING}) when the retention is not positive
     */
    public static ObjectLock governance(Duration retention) {
        return new ObjectLock(Mode.GOVERNANCE, retention, false);
    }

    /** {@return the same mode and retention, with a legal hold on each object as well} */
    public ObjectLock withLegalHold() {
        return new ObjectLock(mode, retention, true);
    }

    /**
     * Computes the retain-until date S3 is given for one object.
     *
     * @param uploadedAt when the object is uploaded
     * @return {@code uploadedAt} plus the retention, truncated to the second
     */
    public Instant retainUntil(Instant uploadedAt) {
        return uploadedAt.plus(retention).truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@return the lock for people, e.g. {@code COMPLIANCE, 30 days} or {@code GOVERNANCE, PT12H, legal hold}} */
    public String describe() {
        long days = retention.toDays();
        String length = retention.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days")
                : retention.toString();
        return mode + ", " + length + (legalHold ? ", legal hold" : "");
    }

    /** How strictly a lock holds. */
    public enum Mode {
        /** Nobody can delete a locked object or shorten its retention before it ends. */
        COMPLIANCE,
        /** Users with {@code s3:BypassGovernanceRetention} can delete or shorten it. */
        GOVERNANCE;

        /** Parses a mode, naming the setting when it is unknown. */
        static Mode parse(String text, String setting) {
            try {
                return valueOf(Objects.requireNonNull(text).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, setting + " '" + text
                        + "' is not an Object Lock mode: use COMPLIANCE or GOVERNANCE");
            }
        }
    }
}
