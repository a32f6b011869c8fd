/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import dev.planb.spi.BackupId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Why a run is wanted, and how to tell that another instance already did it.
 *
 * @param time the tick's scheduled time, or the start-up time for a catch-up
 * @param catchUpAge for a catch-up run, how old the newest backup may be; empty for a tick
 * @param onDemand whether the run was asked for ({@code PlanB.backupNow}): it always runs
 * @param label for a run asked for with a label ({@code PlanB.backupAndWait}), the label its manifest records;
 *     {@code null} otherwise
 */
record Trigger(Instant time, Optional<Duration> catchUpAge, boolean onDemand, String label) {

    static Trigger tick(Instant tick) {
        return new Trigger(tick, Optional.empty(), false, null);
    }

    static Trigger catchUp(Instant now, Duration age) {
        return new Trigger(now, Optional.of(age), false, null);
    }

    static Trigger onDemand(Instant now) {
        return new Trigger(now, Optional.empty(), true, null);
    }

    static Trigger labelled(Instant now, String label) {
        return new Trigger(now, Optional.empty(), true, label);
    }

    /** "the tick at …" or "the catch-up at start-up", for messages. */
    @Override
    public String toString() {
        return isCatchUp() ? "the catch-up at start-up" : label != null ? "the backup '" + label + "' asked for at " + time
                : onDemand ? "the request at " + time : "the tick at " + time;
    }

    boolean isCatchUp() {
        return catchUpAge.isPresent();
    }

    /**
     * Whether the newest backup already serves this trigger: for a tick, a backup started at or
     * after the tick (ids have whole seconds); for a catch-up, a backup younger than the age.
     */
    boolean satisfiedBy(Optional<BackupId> newest, Instant now) {
        if (newest.isEmpty() || onDemand) {
            return false;
        }
        Instant started = newest.get().time();
        return catchUpAge.map(age -> started.isAfter(now.minus(age)))
                .orElseGet(() -> !started.isBefore(time.truncatedTo(ChronoUnit.SECONDS)));
    }
}
