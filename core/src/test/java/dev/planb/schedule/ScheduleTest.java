/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void sixFieldCronHasSecondsFirst() {
        Schedule schedule = Schedule.cron("30 15 2 * * *");
        assertThat(schedule.nextTick(NOON)).contains(Instant.parse("2026-11-26T02:15:30Z"));
        assertThat(schedule.period()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void fiveFieldCronLeavesOutTheSeconds() {
        assertThat(Schedule.cron("15 2 * * *").nextTick(NOON)).contains(Instant.parse("2026-11-26T02:15:00Z"));
    }

    @Test
    void quartzSyntaxWithQuestionMarkAndYearWorks() {
        assertThat(Schedule.cron("0 0 3 ? * MON").nextTick(NOON)).contains(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(Schedule.cron("0 0 3 1 1 ? 2030").nextTick(NOON)).contains(Instant.parse("2030-01-01T03:00:00Z"));
    }

    @Test
    void cronTimesAreReadInTheGivenZone() {
        Schedule paris = Schedule.cron("0 0 2 * * *", ZoneId.of("Europe/Paris"));
        assertThat(paris.nextTick(NOON)).contains(Instant.parse("2026-11-26T01:00:00Z"));
    }

    @Test
    void tickIsStrictlyAfterTheGivenTime() {
        Schedule everySecond = Schedule.cron("* * * * * *");
        assertThat(everySecond.nextTick(NOON)).contains(NOON.plusSeconds(1));
    }

    @Test
    void intervalsCountFromTheEpochSoEveryInstanceAgrees() {
        Schedule hourly = Schedule.every(Duration.ofHours(1));
        assertThat(hourly.nextTick(Instant.parse("2026-11-25T12:34:56Z"))).contains(Instant.parse("2026-11-25T13:00:00Z"));
        assertThat(hourly.nextTick(Instant.parse("2026-11-25T13:00:00Z"))).contains(Instant.parse("2026-11-25T14:00:00Z"));
    }

    @Test
    void badExpressionsNameTheExpression() {
        assertThatThrownBy(() -> Schedule.cron("0 0 25 * * *")).isInstanceOf(PlanBException.class)
                .hasMessageStartingWith("Cron expression '0 0 25 * * *' is invalid: ");
        assertThatThrownBy(() -> Schedule.cron("* * *")).isInstanceOf(PlanBException.class)
                .hasMessageContaining("it has 3 fields; use 5");
        assertThatThrownBy(() -> Schedule.cron(" ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> Schedule.cron("0 0 0 1 1 ? 2001")).hasMessageContaining("never fires again");
    }

    @Test
    void catchUpDefaultsToOnePeriodAndCanBeChangedOrTurnedOff() {
        Schedule daily = Schedule.cron("0 0 2 * * *");
        assertThat(daily.catchUpAfter()).contains(Duration.ofDays(1));
        assertThat(daily.withCatchUpAfter(Duration.ofHours(30)).catchUpAfter()).contains(Duration.ofHours(30));
        assertThat(daily.withoutCatchUp().catchUpAfter()).isEmpty();
    }

    @Test
    void jitterMustBeShorterThanThePeriodAndIntervalsAtLeastASecond() {
        Schedule hourly = Schedule.every(Duration.ofHours(1));
        assertThat(hourly.withJitter(Duration.ofMinutes(5)).jitter()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> hourly.withJitter(Duration.ofHours(1))).isInstanceOf(PlanBException.class)
                .hasMessageContaining("jitter PT1H must be zero or more and shorter than the schedule's period");
        assertThatThrownBy(() -> Schedule.every(Duration.ofMillis(500))).hasMessageContaining("use one second or more");
    }
}
