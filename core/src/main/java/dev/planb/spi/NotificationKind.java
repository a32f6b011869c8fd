/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.EnumSet;
import java.util.Set;

/** What a notification is about; notifiers are told which kinds to send. */
public enum NotificationKind {
    /** A backup run began. */
    STARTED,
    /** A backup is stored (on every destination, or on some: then a DESTINATION_FAILED came first). */
    SUCCEEDED,
    /** A backup run failed: no destination shows a new backup. */
    FAILED,
    /** One destination could not store a backup. */
    DESTINATION_FAILED,
    /** No successful backup within the plan's maximum age. */
    STALE,
    /** The first complete backup after failures or staleness. */
    RECOVERED,
    /** Retention deleted old backups on a destination. */
    PRUNED,
    /** A backup passed verification. */
    VERIFIED,
    /** A backup failed verification. */
    VERIFICATION_FAILED,
    /** A pull copied a backup to the destinations that lacked it. */
    PULLED,
    /** A pull could not copy a backup (corrupt on the source, or a destination failed). */
    PULL_FAILED,
    /** A backup's manifest is damaged: the backup cannot be trusted or restored. */
    DAMAGED,
    /** A backup shows tables dropped or emptied against the previous one; the last good backup is held. */
    DESTRUCTIVE_CHANGE;

    /** What needs a person, and the all-clear that follows: the default of every notifier. */
    public static final Set<NotificationKind> ALERTS =
            Set.copyOf(EnumSet.of(FAILED, DESTINATION_FAILED, STALE, RECOVERED, VERIFICATION_FAILED, PULL_FAILED,
                    DAMAGED, DESTRUCTIVE_CHANGE));

    /** {@return whether this kind means something is wrong} */
    public boolean isProblem() {
        return this == FAILED || this == DESTINATION_FAILED || this == STALE || this == VERIFICATION_FAILED
                || this == PULL_FAILED || this == DAMAGED
                || this == DESTRUCTIVE_CHANGE;
    }
}
