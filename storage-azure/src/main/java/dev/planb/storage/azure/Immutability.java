/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;

/**
 * Version-level immutability PlanB sets on every blob it writes: a retention period (a blob
 * cannot be deleted or overwritten until it ends) and, optionally, a legal hold (until it is
 * cleared). The container needs version-level immutability support (and so versioning) enabled.
 *
 * @param retention how long each blob is retained from its upload, or {@code null} for no time-based retention
 * @param locked whether the policy is locked (can then only be extended, never shortened or removed)
 * @param legalHold whether each blob also gets a legal hold
 */
public record Immutability(Duration retention, boolean locked, boolean legalHold) {

    /**
     * Checks the period.
     *
     * @param retention how long each blob is retained from its upload, positive, or {@code null} for none
     * @param locked whether the policy is locked; needs a {@code retention}
     * @param legalHold whether each blob also gets a legal hold
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the period is zero or negative, or a
     *     locked policy has none
     */
    public Immutability {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Azure immutability period must be positive, not "
                    + retention);
        }
        if (retention == null && locked) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Azure immutability: a locked policy needs a period "
                    + "(immutableDays=N)");
        }
    }

    /**
     * An unlocked policy, which an administrator can still shorten or remove: a way to try immutability
     * out before {@link #lockedDays(int) locking} it.
     *
     * @param days how many days each blob is retained from its upload, positive
     * @return retention for {@code days} days, unlocked, without legal hold
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code days} is not positive
     */
    public static Immutability unlockedDays(int days) {
        return new Immutability(Duration.ofDays(days), false, false);
    }

    /**
     * A locked policy: nobody, not even the account's owner, can delete a blob or shorten its retention
     * before the period ends.
     *
     * @param days how many days each blob is retained from its upload, positive
     * @return retention for {@code days} days, locked, without legal hold
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code days} is not positive
     */
    public static Immutability lockedDays(int days) {
        return new Immutability(Duration.ofDays(days), true, false);
    }

    /** {@return the same retention, with a legal hold on each blob as well, which stays until someone clears it} */
    public Immutability withLegalHold() {
        return new Immutability(retention, locked, true);
    }

    /** One line for messages, e.g. {@code 30 days, unlocked, legal hold}. */
    String describe() {
        String period = retention == null ? "no retention period" : retention.toDays() + " days, "
                + (locked ? "locked" : "unlocked");
        return legalHold ? period + ", legal hold" : period;
    }
}
