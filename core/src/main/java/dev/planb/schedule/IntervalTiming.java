/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Ticks at whole multiples of a fixed interval since the Unix epoch. */
final class IntervalTiming implements Schedule.Timing {

    private final Duration interval;

    IntervalTiming(Duration interval) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Schedule interval " + interval
                    + " is too short: use one second or more");
        }
        this.interval = interval;
    }

    @Override
    public Optional<Instant> next(Instant time) {
        long step = interval.toMillis();
        long millis = time.toEpochMilli();
        return Optional.of(Instant.ofEpochMilli(Math.floorDiv(millis, step) * step + step));
    }

    @Override
    public Duration period() {
        return interval;
    }

    @Override
    public String toString() {
        return "every " + interval;
    }
}
