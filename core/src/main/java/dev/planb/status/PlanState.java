/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

/** What a plan is doing now. */
public enum PlanState {
    /** Waiting for its next run, with a recent enough backup (or no max age). */
    IDLE,
    /** A backup is running; its progress is in {@link PlanStatus#progress()}. */
    RUNNING,
    /** No successful backup within the plan's max age: an alarm, even while a backup runs. */
    STALE,
    /**
     * The newest backup on a destination is damaged (its manifest does not parse or does not match
     * its checksum): an alarm, as what looks like the newest backup cannot be restored. A plan that is
     * also stale is {@link #STALE}; {@link PlanStatus#newestDamaged()} still names the damage.
     */
    DAMAGED,
    /**
     * A backup showed a destructive change (tables dropped or emptied, {@link PlanStatus#destructiveChange()}):
     * shown while the last good backup's hold is active and not released, or, when the plan holds nothing, until
     * the next backup. Not an alarm for health checks unless they are told so ({@link
     * PlanStatus#needsAttention(boolean)}); a plan that is also stale or damaged shows that instead.
     */
    DESTRUCTIVE_CHANGE
}
