/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import java.time.Instant;

/**
 * A scheduled tick made no backup on this instance, and why. Not a failure: the plan is still
 * backed up (by the running run, or by another instance), but an operator may want to know that
 * runs overlap.
 *
 * @param plan the plan's name
 * @param time when the tick was skipped
 * @param tick the scheduled time of the skipped tick
 * @param reason the kind of skip
 * @param message one line saying why, e.g. "the previous run, started at …, is still going"
 */
public record BackupSkipped(String plan, Instant time, Instant tick, Reason reason, String message)
        implements PlanBEvent {

    /** Why a tick was skipped. */
    public enum Reason {
        /** This instance is still running the plan's previous tick. */
        STILL_RUNNING,
        /** Another instance holds the plan's {@link dev.planb.spi.PlanLock}. */
        LOCKED_ELSEWHERE,
        /** Another instance already made this tick's backup. */
        ALREADY_DONE
    }
}
