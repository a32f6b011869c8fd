/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.hold.Hold;
import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of retention over seeded random histories and random policies: each property is checked
 * on {@value #TRIES} histories, the first ones the edge cases (no backup, one backup, the largest
 * history). A failure names the try's seed; {@code -Dplanb.retention.seed=N} replays another series.
 */
class RetentionPropertiesTest {

    private static final int TRIES = 300;
    private static final long SEED = Long.getLong("planb.retention.seed", 20261125L);
    private static final int MAX_HISTORY = 60;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"),
            ZoneId.of("Pacific/Auckland"));
    private static final String REASON = "newest|in the future|last #\\d+|(hourly|daily|weekly|monthly|yearly) #\\d+"
            + "|within .+ of newest|chain of the newest log|(parent of|log of|files needed by) \\d{8}T\\d{6}Z-[0-9a-f]{6}"
            + "( \\(not here yet\\))?|held until \\S+: hold \\d";

    /** How a history is pruned: the real policy, or a broken one to show that the properties catch it. */
    @FunctionalInterface
    private interface Retention {
        RetentionDecision decide(RetentionPolicy policy, List<Manifest> history);
    }

    /** One property, checked on one history. */
    @FunctionalInterface
    private interface Property {
        void check(Random random, List<Manifest> history, Retention retention);
    }

    private static final Retention REAL = (policy, history) -> policy.decide(history, NOW);

    @Test
    void theNewestRestorableBackupAlwaysSurvives() {
        forAll(RetentionPropertiesTest::newestSurvives, REAL);
    }

    @Test
    void everyBackupIsDecidedOnceAndEveryKeptOneHasAReason() {
        forAll(RetentionPropertiesTest::decidedOnceWithReasons, REAL);
    }

    @Test
    void eachRuleKeepsNoMoreThanItsCount() {
        forAll(RetentionPropertiesTest::noRuleKeepsMoreThanItsCount, REAL);
    }

    @Test
    void pruningTwiceChangesNothing() {
        forAll(RetentionPropertiesTest::idempotent, REAL);
    }

    @Test
    void aPolicyThatForgetsTheNewestBackupFailsTheProperties() {
        Retention broken = (policy, history) -> forget(policy.decide(history, NOW),
                history.stream().filter(backup -> !backup.isLog()).max(Comparator.comparing(Manifest::startedAt)));

        assertThatThrownBy(() -> forAll(RetentionPropertiesTest::newestSurvives, broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("seed");
    }

    @Test
    void aPolicyThatForgetsOneMoreBackupEachRunFailsTheProperties() {
        Retention broken = (policy, history) -> {
            RetentionDecision decision = policy.decide(history, NOW);
            return forget(decision, decision.kept().stream().min(Comparator.comparing(Manifest::startedAt)));
        };

        assertThatThrownBy(() -> forAll(RetentionPropertiesTest::idempotent, broken))
                .isInstanceOf(AssertionError.class).hasMessageContaining("seed");
    }

    @Test
    void aBackupWithAnActiveHoldSurvivesWithWhatItNeedsUntilReleasedOrExpired() {
        forAll(RetentionPropertiesTest::heldBackupsSurvive, REAL);
    }

    @Test
    void pruningTwiceWithTheSameHoldsChangesNothing() {
        forAll((random, history, retention) -> {
            RetentionPolicy policy = policy(random);
            List<Hold> holds = holds(random, history);
            List<Manifest> afterFirst = policy.decide(history, NOW, holds).kept();

            RetentionDecision second = policy.decide(afterFirst, NOW, holds);

            assertThat(second.forgotten()).isEmpty();
        }, REAL);
    }

    @Test
    void aRetentionThatIgnoresHoldsFailsTheProperties() {
        Retention ignoringHolds = (policy, history) -> policy.decide(history, NOW);

        assertThatThrownBy(() -> forAll(RetentionPropertiesTest::heldBackupsSurvive, ignoringHolds))
                .isInstanceOf(AssertionError.class).hasMessageContaining("seed");
    }

    /**
     * Random holds on a history: active, released and expired ones, so a run that keeps every backup with
     * any hold fails too.
     */
    private static void heldBackupsSurvive(Random random, List<Manifest> history, Retention retention) {
        RetentionPolicy policy = policy(random);
        List<Hold> holds = holds(random, history);
        RetentionDecision decision = retention == REAL ? policy.decide(history, NOW, holds)
                : retention.decide(policy, history);
        RetentionDecision withoutHolds = policy.decide(history, NOW);

        Map<String, Manifest> byId = history.stream().collect(Collectors.toMap(Manifest::backupId, b -> b));
        for (Hold hold : holds) {
            Manifest held = byId.get(hold.backupId().value());
            List<String> reasons = decision.decisions().stream().filter(each -> each.backup() == held)
                    .findFirst().orElseThrow().reasons();
            if (hold.isActive(NOW)) {
                assertThat(reasons).as("reasons of held %s", held.backupId()).contains(hold.describe());
                if (!held.isLog() && held.parentId() != null && byId.containsKey(held.parentId())) {
                    assertThat(decision.kept()).as("parent of held %s", held.backupId())
                            .contains(byId.get(held.parentId()));
                }
            } else {
                assertThat(reasons).doesNotContain(hold.describe());
            }
        }
        boolean anyActive = holds.stream().anyMatch(hold -> hold.isActive(NOW));
        if (!anyActive) {
            assertThat(decision.kept()).containsExactlyElementsOf(withoutHolds.kept());
        }
        assertThat(decision.decisions()).allMatch(each -> each.reasons().stream().allMatch(reason -> reason.matches(REASON)));
    }

    /** Up to four holds on random backups of {@code history}: active, released or expired. */
    private static List<Hold> holds(Random random, List<Manifest> history) {
        List<Hold> holds = new ArrayList<>();
        if (history.isEmpty()) {
            return holds;
        }
        int count = between(random, 0, 4);
        for (int i = 0; i < count; i++) {
            Manifest backup = history.get(random.nextInt(history.size()));
            int kind = random.nextInt(3);
            Instant created = NOW.minus(Duration.ofDays(between(random, 1, 60)));
            Instant expires = kind == 1 ? NOW.minusSeconds(1) : NOW.plus(Duration.ofDays(between(random, 1, 30)));
            holds.add(new Hold(backup.plan(), backup.id(), BackupId.generate(created), "hold " + i, created, expires,
                    Optional.empty(), List.of(), kind == 2 ? Optional.of(NOW.minusSeconds(60)) : Optional.empty()));
        }
        return holds;
    }

    private static void newestSurvives(Random random, List<Manifest> history, Retention retention) {
        RetentionDecision decision = retention.decide(policy(random), history);

        history.stream().filter(backup -> !backup.isLog())
                .max(Comparator.comparing(Manifest::startedAt).thenComparing(Manifest::backupId))
                .ifPresent(newest -> assertThat(decision.kept()).contains(newest));
    }

    private static void decidedOnceWithReasons(Random random, List<Manifest> history, Retention retention) {
        RetentionDecision decision = retention.decide(policy(random), history);

        assertThat(decision.decisions()).extracting(BackupDecision::backup).containsExactlyInAnyOrderElementsOf(history);
        for (BackupDecision backup : decision.decisions()) {
            assertThat(backup.keep()).isEqualTo(!backup.reasons().isEmpty());
            assertThat(backup.reasons()).allMatch(reason -> reason.matches(REASON));
        }
    }

    private static void noRuleKeepsMoreThanItsCount(Random random, List<Manifest> history, Retention retention) {
        int last = between(random, 1, 8);
        int daily = between(random, 1, 8);
        int monthly = between(random, 1, 8);
        RetentionDecision decision = retention.decide(
                RetentionPolicy.builder().keepLast(last).keepDaily(daily).keepMonthly(monthly).build(), history);

        Map<String, Long> perRule = decision.decisions().stream().flatMap(backup -> backup.reasons().stream())
                .map(reason -> reason.replaceAll(" #\\d+|(parent|log) of .*", ""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long points = history.stream().filter(backup -> !backup.isLog()).count();
        assertThat(perRule.getOrDefault("last", 0L)).isEqualTo(Math.min(last, points));
        assertThat(perRule.getOrDefault("daily", 0L)).isLessThanOrEqualTo(daily);
        assertThat(perRule.getOrDefault("monthly", 0L)).isLessThanOrEqualTo(monthly);
        long parents = history.stream().filter(backup -> backup.parentId() != null).count();
        long future = history.stream().filter(backup -> backup.startedAt().isAfter(NOW)).count();
        assertThat(decision.kept()).hasSizeLessThanOrEqualTo((int) Math.min(history.size(),
                last + daily + monthly + parents + future + 1));
    }

    private static void idempotent(Random random, List<Manifest> history, Retention retention) {
        RetentionPolicy policy = policy(random);
        List<Manifest> afterFirst = retention.decide(policy, history).kept();

        RetentionDecision second = retention.decide(policy, afterFirst);

        assertThat(second.forgotten()).isEmpty();
        assertThat(second.kept()).containsExactlyElementsOf(afterFirst);
    }

    /** Checks {@code property} on {@value #TRIES} histories, each from its own seed. */
    private static void forAll(Property property, Retention retention) {
        Random seeds = new Random(SEED);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            int size = switch (attempt) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> MAX_HISTORY;
                default -> between(random, 0, MAX_HISTORY);
            };
            List<Manifest> history = history(random, size);
            try {
                property.check(random, history, retention);
            } catch (AssertionError e) {
                throw new AssertionError("try " + attempt + " of " + TRIES + " (seed " + seed + ", " + size
                        + " backups) failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A random policy: each of the counting rules absent or keeping up to 6, a time zone, and a
     * "within" window when it was drawn or when no other rule is there.
     */
    private static RetentionPolicy policy(Random random) {
        int last = between(random, 0, 6);
        int hourly = between(random, 0, 6);
        int daily = between(random, 0, 6);
        int weekly = between(random, 0, 6);
        int monthly = between(random, 0, 6);
        int yearly = between(random, 0, 6);
        int within = between(random, 0, 24 * 60);
        RetentionPolicy.Builder builder = RetentionPolicy.builder().zone(ZONES.get(random.nextInt(ZONES.size())));
        if (last > 0) {
            builder.keepLast(last);
        }
        if (hourly > 0) {
            builder.keepHourly(hourly);
        }
        if (daily > 0) {
            builder.keepDaily(daily);
        }
        if (weekly > 0) {
            builder.keepWeekly(weekly);
        }
        if (monthly > 0) {
            builder.keepMonthly(monthly);
        }
        if (yearly > 0) {
            builder.keepYearly(yearly);
        }
        if (within > 0 || last + hourly + daily + weekly + monthly + yearly == 0) {
            builder.keepWithin(Duration.ofHours(Math.max(1, within)));
        }
        return builder.build();
    }

    /**
     * {@code size} backups over two years (half of them in the last hour, as bursts; a few after
     * "now"), some of them log files of an earlier one or of one missing (an orphan).
     */
    private static List<Manifest> history(Random random, int size) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long secondsBeforeNow = random.nextBoolean() ? random.nextLong(-7200, 2L * 365 * 86400 + 1)
                    : random.nextLong(0, 3601);
            steps.add(new Step(secondsBeforeNow, between(random, -3, MAX_HISTORY - 1)));
        }
        steps.sort(Comparator.comparingLong(Step::secondsBeforeNow).reversed());
        List<Manifest> history = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Instant start = NOW.minusSeconds(step.secondsBeforeNow());
            BackupId id = new BackupId(ID_TIME.format(start) + "-" + String.format("%06x", i));
            String parent = step.parentChoice() >= 0 && step.parentChoice() < i
                    ? history.get(step.parentChoice()).backupId()
                    : step.parentChoice() == -3 ? "20200101T000000Z-00dead" : null; // -3: an orphan log
            history.add(Histories.backup(id, start, parent));
        }
        return history;
    }

    private record Step(long secondsBeforeNow, int parentChoice) {
    }

    private static int between(Random random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** {@code decision} with {@code backup}, when there is one, forgotten. */
    private static RetentionDecision forget(RetentionDecision decision, Optional<Manifest> backup) {
        return new RetentionDecision(decision.decisions().stream()
                .map(each -> backup.isPresent() && each.backup() == backup.get()
                        ? new BackupDecision(each.backup(), List.of()) : each)
                .toList());
    }
}
