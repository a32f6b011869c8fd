/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.List;
import java.util.Objects;

/**
 * Whether production could destroy the backups on a destination, found by writing a canary
 * object and trying to delete it: see {@code PlanB.check(Destination)}.
 *
 * @param destination the destination's description
 * @param verdict what the delete attempt showed
 * @param summary one line for a person, e.g. {@code protected by Object Lock (COMPLIANCE, 30 days)}
 * @param details facts about the storage that matter for protection, one line each (versioning,
 *     Object Lock configuration…); may be empty
 */
public record ProtectionReport(String destination, Verdict verdict, String summary, List<String> details) {

    /**
     * Checks the values and copies the details.
     *
     * @param destination the destination's description
     * @param verdict what the delete attempt showed
     * @param summary one line for a person
     * @param details facts about the storage, one line each
     * @throws NullPointerException if a value is null
     */
    public ProtectionReport {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        details = List.copyOf(details);
    }

    /**
     * {@return whether backups here survive credentials that fall into the wrong hands}: the verdict is not
     * {@link Verdict#CAN_DELETE}.
     */
    public boolean isProtected() {
        return verdict != Verdict.CAN_DELETE;
    }

    /** What the canary's delete showed. */
    public enum Verdict {
        /** The delete was refused: these credentials cannot delete backups. */
        CANNOT_DELETE,
        /** The delete was refused because the object is under a storage lock (S3 Object Lock). */
        OBJECT_LOCK,
        /** The delete went through: anyone with these credentials can delete the backups. */
        CAN_DELETE
    }
}
