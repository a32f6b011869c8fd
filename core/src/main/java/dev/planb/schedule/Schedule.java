/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a plan runs: a cron expression or a fixed interval, with optional jitter and a catch-up
 * rule for runs missed while the application was down. Immutable.
 *
 * <pre>{@code
 * Schedule.cron("0 30 2 * * *")                        // 02:30:00 every day, UTC
 * Schedule.cron("30 2 * * *", ZoneId.of("Europe/Paris")) // the same with seconds left out, Paris time
 * Schedule.every(Duration.ofHours(1)).withJitter(Duration.ofMinutes(5))
 * }</pre>
 *
 * <p>Every instance of an application computes the same ticks: an interval counts from the Unix
 * epoch (so {@code every(1h)} ticks on the hour, UTC), and a cron expression names wall-clock
 * times. That is what lets several instances agree on which tick a backup belongs to, so that
 * only one of them makes it (see {@link dev.planb.spi.PlanLock}).
 *
 * <p>Jitter delays each run by a random amount below it, to spread the load of many plans or
 * applications; the run still belongs to its tick. Catch-up: at start-up, a plan whose newest
 * backup is older than {@link #catchUpAfter()} (by default one period of the schedule) runs at
 * once instead of waiting for its next tick.
 */
public final class Schedule {

    private final Timing timing;
    private final Duration jitter;
    private final Optional<Duration> catchUpAfter;

    private Schedule(Timing timing, Duration jitter, Optional<Duration> catchUpAfter) {
        this.timing = timing;
        this.jitter = jitter;
        this.catchUpAfter = catchUpAfter;
    }

    /**
     * A cron schedule in UTC. Quartz/Spring syntax with six fields (second, minute, hour,
     * day of month, month, day of week), or seven with a year; the seconds may be left out
     * (five fields, as in a crontab). {@code ?}, {@code L}, {@code W} and {@code #} work as in
     * Quartz.
     *
     * @param expression the cron expression, e.g. {@code "0 30 2 * * *"}
     * @return the schedule, with no jitter and catching up after one period
     * @throws PlanBException naming the expression and the problem when it does not parse
     */
    public static Schedule cron(String expression) {
        return cron(expression, ZoneOffset.UTC);
    }

    /**
     * A cron schedule whose wall-clock times are read in a time zone; see {@link #cron(String)}.
     *
     * @param expression the cron expression
     * @param zone the zone its times are in (daylight saving included)
     * @return the schedule, with no jitter and catching up after one period
     * @throws PlanBException naming the expression and the problem when it does not parse
     * @throws NullPointerException when {@code zone} is null
     */
    public static Schedule cron(String expression, ZoneId zone) {
        return withDefaults(CronTiming.parse(expression, Objects.requireNonNull(zone, "zone")));
    }

    /**
     * A run every {@code interval}, at whole multiples of it since the Unix epoch (UTC).
     *
     * @param interval at least one second
     * @return the schedule, with no jitter and catching up after one interval
     * @throws PlanBException when the interval is null or shorter than one second
     */
    public static Schedule every(Duration interval) {
        return withDefaults(new IntervalTiming(interval));
    }

    private static Schedule withDefaults(Timing timing) {
        return new Schedule(timing, Duration.ZERO, Optional.of(timing.period()));
    }

    /**
     * The same schedule, each run delayed by a random amount in {@code [0, jitter)}.
     *
     * @param jitter zero or positive, and shorter than the schedule's period
     * @return a new schedule; this one is unchanged
     * @throws PlanBException when the jitter is null, negative or not shorter than the period
     */
    public Schedule withJitter(Duration jitter) {
        if (jitter == null || jitter.isNegative() || jitter.compareTo(timing.period()) >= 0) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Schedule " + timing + ": jitter " + jitter
                    + " must be zero or more and shorter than the schedule's period " + timing.period());
        }
        return new Schedule(timing, jitter, catchUpAfter);
    }

    /**
     * The same schedule, catching up at start-up when the newest backup is older than {@code age}.
     *
     * @param age how old the newest backup may be before a run is made at once; positive
     * @return a new schedule; this one is unchanged
     * @throws PlanBException when the age is null, zero or negative
     */
    public Schedule withCatchUpAfter(Duration age) {
        if (age == null || age.isNegative() || age.isZero()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Schedule " + timing + ": catch-up age " + age
                    + " must be positive");
        }
        return new Schedule(timing, jitter, Optional.of(age));
    }

    /**
     * The same schedule, never running at start-up: the first run is the next tick.
     *
     * @return a new schedule; this one is unchanged
     */
    public Schedule withoutCatchUp() {
        return new Schedule(timing, jitter, Optional.empty());
    }

    /**
     * {@return the first tick strictly after {@code time}, or empty if the schedule never fires again}
     *
     * @param time the instant to start from
     */
    public Optional<Instant> nextTick(Instant time) {
        return timing.next(time);
    }

    /**
     * {@return the usual time between two ticks} That is the interval, or for a cron expression the
     * gap between its next two ticks after the epoch (for irregular expressions, an approximation).
     */
    public Duration period() {
        return timing.period();
    }

    /** {@return the largest random delay added to a run; zero when there is no jitter} */
    public Duration jitter() {
        return jitter;
    }

    /**
     * {@return how old the newest backup may be at start-up before a run is made at once; empty: never}
     */
    public Optional<Duration> catchUpAfter() {
        return catchUpAfter;
    }

    @Override
    public String toString() {
        return timing + (jitter.isZero() ? "" : " with jitter " + jitter);
    }

    /** How ticks are computed. */
    interface Timing {
        Optional<Instant> next(Instant time);

        Duration period();
    }
}
