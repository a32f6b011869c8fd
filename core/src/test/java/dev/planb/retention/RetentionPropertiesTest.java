package dev.planb.retention;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of retention over random histories and random policies. */
class RetentionPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String REASON = "newest|in the future|last #\\d+|(hourly|daily|weekly|monthly|yearly) #\\d+"
            + "|within .+ of newest|chain of the newest log|(parent of|log of) \\d{8}T\\d{6}Z-[0-9a-f]{6}( \\(not here yet\\))?";

    @Property(tries = 300)
    void theNewestRestorableBackupAlwaysSurvives(@ForAll("histories") List<Manifest> history,
            @ForAll("policies") RetentionPolicy policy) {
        RetentionDecision decision = policy.decide(history, NOW);

        history.stream().filter(backup -> !backup.isLog())
                .max(Comparator.comparing(Manifest::startedAt).thenComparing(Manifest::backupId))
                .ifPresent(newest -> assertThat(decision.kept()).contains(newest));
    }

    @Property(tries = 300)
    void everyBackupIsDecidedOnceAndEveryKeptOneHasAReason(@ForAll("histories") List<Manifest> history,
            @ForAll("policies") RetentionPolicy policy) {
        RetentionDecision decision = policy.decide(history, NOW);

        assertThat(decision.decisions()).extracting(BackupDecision::backup).containsExactlyInAnyOrderElementsOf(history);
        for (BackupDecision backup : decision.decisions()) {
            assertThat(backup.keep()).isEqualTo(!backup.reasons().isEmpty());
            assertThat(backup.reasons()).allMatch(reason -> reason.matches(REASON));
        }
    }

    @Property(tries = 300)
    void eachRuleKeepsNoMoreThanItsCount(@ForAll("histories") List<Manifest> history,
            @ForAll("counts") int last, @ForAll("counts") int daily, @ForAll("counts") int monthly) {
        RetentionDecision decision = RetentionPolicy.builder().keepLast(last).keepDaily(daily).keepMonthly(monthly)
                .build().decide(history, NOW);

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

    @Property(tries = 300)
    void pruningTwiceChangesNothing(@ForAll("histories") List<Manifest> history,
            @ForAll("policies") RetentionPolicy policy) {
        List<Manifest> afterFirst = policy.decide(history, NOW).kept();

        RetentionDecision second = policy.decide(afterFirst, NOW);

        assertThat(second.forgotten()).isEmpty();
        assertThat(second.kept()).containsExactlyElementsOf(afterFirst);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 8);
    }

    @Provide
    Arbitrary<RetentionPolicy> policies() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 6);
        Arbitrary<Integer> withinHours = Arbitraries.integers().between(0, 24 * 60);
        Arbitrary<ZoneId> zone = Arbitraries.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("Pacific/Auckland"));
        return Combinators.combine(count, count, count, count, count, count, withinHours, zone)
                .as((last, hourly, daily, weekly, monthly, yearly, within, tz) -> {
                    RetentionPolicy.Builder builder = RetentionPolicy.builder().zone(tz);
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
                });
    }

    /**
     * Up to 60 backups over two years (some in bursts within an hour, a few after "now"), some
     * log files of an earlier one (or of one missing: an orphan).
     */
    @Provide
    Arbitrary<List<Manifest>> histories() {
        Arbitrary<Long> secondsBeforeNow = Arbitraries.oneOf(
                Arbitraries.longs().between(-7200, 2L * 365 * 86400),
                Arbitraries.longs().between(0, 3600));
        Arbitrary<Integer> parentChoice = Arbitraries.integers().between(-3, 59);
        return Combinators.combine(secondsBeforeNow, parentChoice).as(Step::new).list().ofMaxSize(60)
                .map(RetentionPropertiesTest::history);
    }

    private record Step(long secondsBeforeNow, int parentChoice) {
    }

    private static List<Manifest> history(List<Step> steps) {
        List<Step> oldestFirst = new ArrayList<>(steps);
        oldestFirst.sort(Comparator.comparingLong(Step::secondsBeforeNow).reversed());
        List<Manifest> history = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Step step = oldestFirst.get(i);
            Instant start = NOW.minusSeconds(step.secondsBeforeNow());
            BackupId id = new BackupId(ID_TIME.format(start) + "-" + String.format("%06x", i));
            String parent = step.parentChoice() >= 0 && step.parentChoice() < i
                    ? history.get(step.parentChoice()).backupId()
                    : step.parentChoice() == -3 ? "20200101T000000Z-00dead" : null; // -3: an orphan log
            history.add(Histories.backup(id, start, parent));
        }
        return history;
    }
}
