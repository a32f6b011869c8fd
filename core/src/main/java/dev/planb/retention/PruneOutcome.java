/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

/** What pruning did, or would do, with one backup. */
public enum PruneOutcome {
    /** Kept by the policy. */
    KEEP("keep"),
    /** Forgotten by the policy; a dry run leaves it in place. */
    WOULD_DELETE("would delete"),
    /** Forgotten and deleted: its manifest first, so it was never listed half-deleted. */
    DELETED("deleted"),
    /** Forgotten, but storage still protects it (Object Lock): left until it may be deleted. */
    RETAINED("retained"),
    /** Forgotten, but the destination refuses deletes: expiry is the storage's job. */
    NOT_PERMITTED("not permitted"),
    /** Forgotten, but deleting it failed; it is still complete and listed. */
    FAILED("failed");

    private final String label;

    PruneOutcome(String label) {
        this.label = label;
    }

    /** {@return the words the decision table shows, e.g. {@code would delete}} */
    public String label() {
        return label;
    }
}
