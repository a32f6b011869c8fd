package dev.planb.retention;

import static dev.planb.retention.Histories.backup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.PlanBException;
import dev.planb.catalog.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void keepLastKeepsTheNewestAndNamesThem() {
        List<Manifest> history = List.of(backup("2026-11-25T10:00:00Z"), backup("2026-11-25T11:00:00Z"),
                backup("2026-11-25T09:00:00Z"), backup("2026-11-25T08:00:00Z"));

        Map<Instant, List<String>> reasons = reasons(RetentionPolicy.builder().keepLast(2).build(), history);

        assertThat(reasons).containsExactly(
                Map.entry(Instant.parse("2026-11-25T11:00:00Z"), List.of("newest", "last #1")),
                Map.entry(Instant.parse("2026-11-25T10:00:00Z"), List.of("last #2")),
                Map.entry(Instant.parse("2026-11-25T09:00:00Z"), List.of()),
                Map.entry(Instant.parse("2026-11-25T08:00:00Z"), List.of()));
    }

    @Test
    void keepDailyCountsOnlyDaysThatHaveABackupAndKeepsEachDaysNewest() {
        List<Manifest> history = List.of(backup("2026-11-25T01:00:00Z"), backup("2026-11-25T02:00:00Z"),
                backup("2026-11-23T05:00:00Z"), backup("2026-11-23T04:00:00Z"), // no backup on the 24th
                backup("2026-11-20T00:00:00Z"), backup("2026-11-19T23:59:59Z"));

        Map<Instant, List<String>> reasons = reasons(RetentionPolicy.builder().keepDaily(3).build(), history);

        assertThat(reasons).containsExactly(
                Map.entry(Instant.parse("2026-11-25T02:00:00Z"), List.of("newest", "daily #1")),
                Map.entry(Instant.parse("2026-11-25T01:00:00Z"), List.of()),
                Map.entry(Instant.parse("2026-11-23T05:00:00Z"), List.of("daily #2")),
                Map.entry(Instant.parse("2026-11-23T04:00:00Z"), List.of()),
                Map.entry(Instant.parse("2026-11-20T00:00:00Z"), List.of("daily #3")),
                Map.entry(Instant.parse("2026-11-19T23:59:59Z"), List.of()));
    }

    @Test
    void weeksAreIsoWeeksMonthsAndYearsAreCalendarOnes() {
        // 2026-11-23 is a Monday: the 22nd (Sunday) belongs to the previous ISO week.
        List<Manifest> history = List.of(backup("2026-11-23T00:00:00Z"), backup("2026-11-22T23:00:00Z"),
                backup("2026-11-16T00:00:00Z"), backup("2026-10-31T00:00:00Z"), backup("2025-12-31T00:00:00Z"));

        assertThat(reasons(RetentionPolicy.builder().keepWeekly(2).build(), history).values()).containsExactly(
                List.of("newest", "weekly #1"), List.of("weekly #2"), List.of(), List.of(), List.of());
        assertThat(reasons(RetentionPolicy.builder().keepMonthly(2).keepYearly(2).build(), history).values())
                .containsExactly(List.of("newest", "monthly #1", "yearly #1"), List.of(), List.of(),
                        List.of("monthly #2"), List.of("yearly #2"));
        assertThat(reasons(RetentionPolicy.builder().keepHourly(2).build(), history).values()).containsExactly(
                List.of("newest", "hourly #1"), List.of("hourly #2"), List.of(), List.of(), List.of());
    }

    @Test
    void periodsAreReadInTheGivenZone() {
        // 23:30 UTC on the 24th is already the 25th in Paris, the same day as the newer backup.
        List<Manifest> history = List.of(backup("2026-11-25T08:00:00Z"), backup("2026-11-24T23:30:00Z"),
                backup("2026-11-24T20:00:00Z"));

        assertThat(reasons(RetentionPolicy.builder().keepDaily(2).build(), history).values())
                .containsExactly(List.of("newest", "daily #1"), List.of("daily #2"), List.of());
        assertThat(reasons(RetentionPolicy.builder().keepDaily(2).zone(ZoneId.of("Europe/Paris")).build(), history)
                .values()).containsExactly(List.of("newest", "daily #1"), List.of(), List.of("daily #2"));
    }

    @Test
    void keepWithinCountsBackFromTheNewestBackupNotFromNow() {
        List<Manifest> history = List.of(backup("2026-11-01T12:00:00Z"), backup("2026-10-30T12:00:01Z"),
                backup("2026-10-30T12:00:00Z"));

        assertThat(reasons(RetentionPolicy.builder().keepWithin(Duration.ofDays(2)).build(), history).values())
                .containsExactly(List.of("newest", "within 2d of newest"), List.of("within 2d of newest"), List.of());
    }

    @Test
    void rulesCombineByUnion() {
        List<Manifest> history = List.of(backup("2026-11-25T10:00:00Z"), backup("2026-11-25T09:00:00Z"),
                backup("2026-11-24T10:00:00Z"), backup("2026-10-31T10:00:00Z"));

        RetentionDecision decision = RetentionPolicy.builder().keepLast(2).keepDaily(2).keepMonthly(2).build()
                .decide(history, NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("newest", "last #1", "daily #1", "monthly #1"), List.of("last #2"), List.of("daily #2"),
                List.of("monthly #2"));
        assertThat(decision.forgotten()).isEmpty();
    }

    @Test
    void aBackupFromTheFutureIsKeptAndDoesNotCountAsAnyPeriodsOnlyBackup() {
        List<Manifest> history = List.of(backup("2026-11-25T10:00:00Z"), backup("2026-11-25T09:00:00Z"),
                backup("2026-12-25T09:00:00Z"));

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build().decide(history, NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("newest", "last #1", "in the future"), List.of(), List.of());
        assertThat(decision.kept()).extracting(Manifest::startedAt).containsExactly(Instant.parse("2026-12-25T09:00:00Z"));
    }

    @Test
    void aKeptBackupKeepsTheChainItDependsOn() {
        Manifest full = backup(Instant.parse("2026-11-20T00:00:00Z"), null);
        Manifest log1 = backup(Instant.parse("2026-11-21T00:00:00Z"), full.backupId());
        Manifest log2 = backup(Instant.parse("2026-11-22T00:00:00Z"), log1.backupId());
        Manifest older = backup(Instant.parse("2026-11-19T00:00:00Z"), null);

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build()
                .decide(List.of(full, log1, log2, older), NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("newest", "last #1"), List.of("parent of " + log2.backupId()),
                List.of("parent of " + log1.backupId()), List.of());
    }

    @Test
    void aPolicyNeedsARuleAndPositiveCounts() {
        assertThatThrownBy(() -> RetentionPolicy.builder().build()).isInstanceOf(PlanBException.class)
                .hasMessageStartingWith("Retention policy has no rule: add keepLast");
        assertThatThrownBy(() -> RetentionPolicy.builder().keepDaily(0)).hasMessage(
                "Retention keepDaily is 0: use 1 or more, or leave the rule out");
        assertThatThrownBy(() -> RetentionPolicy.builder().keepWithin(Duration.ZERO))
                .hasMessageContaining("keepWithin PT0S must be positive");
        assertThat(RetentionPolicy.builder().keepLast(3).keepDaily(7).keepWithin(Duration.ofHours(36)).build())
                .hasToString("keep last 3, daily 7, within 1d 12h");
    }

    private static Map<Instant, List<String>> reasons(RetentionPolicy policy, List<Manifest> history) {
        Map<Instant, List<String>> reasons = new LinkedHashMap<>();
        policy.decide(history, NOW).decisions().forEach(decision -> reasons.put(decision.backup().startedAt(),
                decision.reasons()));
        return reasons;
    }
}
