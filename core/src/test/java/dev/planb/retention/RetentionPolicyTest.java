/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import static dev.planb.retention.Histories.backup;
import static dev.planb.retention.Histories.base;
import static dev.planb.retention.Histories.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.PlanBException;
import dev.planb.spi.Manifest;
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
    void logFilesFollowTheirChainAndAreNotCountedByTheRules() {
        Manifest full = backup(Instant.parse("2026-11-20T00:00:00Z"), null);
        Manifest log1 = backup(Instant.parse("2026-11-21T00:00:00Z"), full.backupId());
        Manifest log2 = backup(Instant.parse("2026-11-22T00:00:00Z"), log1.backupId());
        Manifest older = backup(Instant.parse("2026-11-19T00:00:00Z"), null);

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build()
                .decide(List.of(full, log1, log2, older), NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("log of " + log1.backupId()), List.of("log of " + full.backupId()),
                List.of("newest", "last #1"), List.of());
    }

    @Test
    void keepLastOverThreeChainsForgetsTheOldestChainWithItsLog() {
        Manifest base1 = base("2026-11-23T00:00:00Z", "000000010000000000000001");
        Manifest base2 = base("2026-11-24T00:00:00Z", "000000010000000000000010");
        Manifest base3 = base("2026-11-25T00:00:00Z", "000000010000000000000020");
        List<Manifest> history = List.of(base1, base2, base3,
                log("2026-11-23T00:00:30Z", base1, "000000010000000000000001", false),
                log("2026-11-23T00:01:00Z", base1, "000000010000000000000002", false),
                log("2026-11-24T00:00:30Z", base2, "000000010000000000000010", true),
                log("2026-11-24T00:01:00Z", base2, "000000010000000000000010", false),
                log("2026-11-25T00:00:30Z", base3, "000000010000000000000020", true));

        RetentionDecision decision = RetentionPolicy.builder().keepLast(2).build().decide(history, NOW);

        Map<String, List<String>> reasons = new LinkedHashMap<>();
        decision.decisions().forEach(d -> reasons.put(d.backup().kind() + " " + d.backup().startedAt(), d.reasons()));
        assertThat(reasons).containsExactly(
                Map.entry("log 2026-11-25T00:00:30Z", List.of("log of " + base3.backupId())),
                Map.entry("base 2026-11-25T00:00:00Z", List.of("newest", "last #1")),
                Map.entry("log 2026-11-24T00:01:00Z", List.of("log of " + base2.backupId())),
                Map.entry("log 2026-11-24T00:00:30Z", List.of("log of " + base2.backupId())), // partial, same file
                Map.entry("base 2026-11-24T00:00:00Z", List.of("last #2")),
                Map.entry("log 2026-11-23T00:01:00Z", List.of()),
                Map.entry("log 2026-11-23T00:00:30Z", List.of()),
                Map.entry("base 2026-11-23T00:00:00Z", List.of()));
        assertThat(decision.forgotten()).allMatch(backup -> backup.equals(base1) || base1.backupId().equals(backup.parentId()));
    }

    @Test
    void theChainBeingShippedIsKeptWhenNewerDumpsFillTheRules() {
        Manifest base = base("2026-11-24T00:00:00Z", "000000010000000000000010");
        Manifest dump = backup("2026-11-24T12:00:00Z");
        Manifest log = log("2026-11-24T12:00:30Z", base, "000000010000000000000011", true);

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build().decide(List.of(base, dump, log), NOW);

        assertThat(decision.forgotten()).isEmpty();
        assertThat(decision.decisions()).filteredOn(d -> d.backup().equals(base)).singleElement()
                .satisfies(d -> assertThat(d.reasons()).containsExactly("chain of the newest log"));
    }

    @Test
    void periodRulesCountChainStartsNotLogFiles() {
        Manifest base = base("2026-11-24T00:00:00Z", "000000010000000000000001");
        Manifest dump = backup("2026-11-23T12:00:00Z");
        List<Manifest> history = List.of(base, dump,
                log("2026-11-25T09:00:00Z", base, "000000010000000000000005", false), // a newer day, but only a log
                log("2026-11-25T10:00:00Z", base, "000000010000000000000006", true));

        RetentionDecision decision = RetentionPolicy.builder().keepDaily(2).keepWithin(Duration.ofHours(1)).build()
                .decide(history, NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("log of " + base.backupId()), List.of("log of " + base.backupId()),
                List.of("newest", "daily #1", "within 1h of newest"), List.of("daily #2"));
    }

    @Test
    void anOrphanLogIsKeptOnlyWhileNewerThanTheNewestRestorablePoint() {
        Manifest kept = backup("2026-11-25T08:00:00Z");
        Manifest gone = base("2026-11-24T00:00:00Z", "000000010000000000000001"); // pruned before: not in the list
        Manifest stillWriting = base("2026-11-25T09:00:00Z", "000000010000000000000030"); // manifest not written yet
        Manifest orphan = log("2026-11-24T00:00:30Z", gone, "000000010000000000000001", false);
        Manifest early = log("2026-11-25T09:00:30Z", stillWriting, "000000010000000000000030", true);

        RetentionDecision decision = RetentionPolicy.builder().keepLast(5).build()
                .decide(List.of(kept, orphan, early), NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::reasons).containsExactly(
                List.of("log of " + stillWriting.backupId() + " (not here yet)"), List.of("newest", "last #1"),
                List.of());
        assertThat(RetentionPolicy.builder().keepLast(1).build().decide(List.of(orphan), NOW).kept())
                .containsExactly(orphan); // no restorable point at all yet: its first backup may be on its way
    }

    @Test
    void aKeptBaseKeepsNothingElse() {
        Manifest dump = backup("2026-11-24T00:00:00Z");
        Manifest base = base("2026-11-25T00:00:00Z", "000000010000000000000001");

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build()
                .decide(List.of(dump, base, log("2026-11-25T00:00:30Z", base, "000000010000000000000001", false)), NOW);

        assertThat(decision.forgotten()).containsExactly(dump);
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
