/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.hold.Hold;
import dev.planb.internal.Durations;
import dev.planb.spi.Manifest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which backups to keep, with restic's semantics ({@code restic forget --keep-*}). Immutable;
 * made with {@link #builder()}. Rules combine by union: a backup is kept when any rule keeps it.
 *
 * <p>The rules count and keep <em>restorable points</em> only: dumps ({@code full}) and base
 * backups ({@code base}). Shipped transaction-log files ({@code log}, see {@link Manifest#isLog()})
 * are never counted; they follow the backup that starts their chain.
 *
 * <ul>
 *   <li>{@code keepLast(n)}: the n newest backups;</li>
 *   <li>{@code keepHourly/Daily/Weekly/Monthly/Yearly(n)}: for the last n hours (days, ISO weeks,
 *       months, years) <em>that have a backup</em>, the newest backup of each; periods are read in
 *       UTC unless {@link Builder#zone(ZoneId)} says otherwise, so a day with no backup does not
 *       use up one of the n;</li>
 *   <li>{@code keepWithin(d)}: every backup that started less than d before the <em>newest
 *       backup</em> started (as restic counts it, so a plan whose backups stopped does not lose
 *       its last days of history).</li>
 * </ul>
 *
 * <p>Whatever the rules, the newest backup is always kept ("newest"), a backup started after
 * {@code now} (a skewed clock) is kept ("in the future"), a kept backup keeps the backup its
 * manifest names as parent ("parent of …") and every backup whose files it needs ("files needed
 * by …", see {@link Manifest#needs()}), so an incremental files chain is never cut. Every backup
 * listed by a catalog is complete, so the newest one is the newest successful one.
 *
 * <p>Holds ({@link dev.planb.hold.Holds}): a backup with an active hold is kept ("held until …"), and so
 * is what it depends on, until the hold is released or expires.
 *
 * <p>Log chains: a log backup is kept exactly when the backup its {@link Manifest#parentId()} names
 * is kept ("log of …"), every shipment of a file alike (partial or complete). So a chain's first
 * backup, base or dump, stays while the rules keep it as a point in time, and forgetting it forgets
 * its whole log; a kept base keeps nothing else. A log whose parent is not on the destination is
 * kept while it is newer than the newest restorable point, as its chain's first backup may still be
 * being written ("log of … (not here yet)"); an older one is forgotten (an orphan log: nothing can
 * replay it).
 *
 * <pre>{@code
 * RetentionPolicy policy = RetentionPolicy.builder().keepLast(3).keepDaily(7).keepWeekly(4).keepMonthly(12).build();
 * RetentionDecision decision = policy.decide(PlanB.catalog(destination).backups("app"), Instant.now());
 * }</pre>
 */
public final class RetentionPolicy {

    private final Map<Period, Integer> counts;
    private final int last;
    private final Duration within;
    private final ZoneId zone;

    private RetentionPolicy(Builder builder) {
        this.counts = new LinkedHashMap<>(builder.counts);
        this.last = builder.last;
        this.within = builder.within;
        this.zone = builder.zone;
    }

    /** {@return a builder with no rule yet; {@link Builder#build()} requires at least one} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decides for each backup whether to keep or forget it, and why. A pure function: it reads
     * nothing but its arguments.
     *
     * @param backups the backups of one plan on one destination, in any order
     * @param now the current time
     * @return one decision per backup, newest first
     */
    public RetentionDecision decide(List<Manifest> backups, Instant now) {
        return decide(backups, now, List.of());
    }

    /**
     * Decides as {@link #decide(List, Instant)} does, and keeps every backup with a hold active at {@code now}
     * ({@code held until …: reason}), with what it depends on (its parent, the files it needs, a base backup's
     * log), whatever the rules say. Still a pure function.
     *
     * @param backups the backups of one plan on one destination, in any order
     * @param now the current time, at which holds are active or expired
     * @param holds the plan's holds on the destination, active or not ({@link dev.planb.hold.Holds#list})
     * @return one decision per backup, newest first
     */
    public RetentionDecision decide(List<Manifest> backups, Instant now, Collection<Hold> holds) {
        List<Manifest> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Manifest::startedAt).thenComparing(Manifest::backupId).reversed());
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        newestFirst.forEach(backup -> reasons.put(backup.backupId(), new ArrayList<>()));
        List<Manifest> points = newestFirst.stream().filter(backup -> !backup.isLog()).toList();
        if (!points.isEmpty()) {
            applyRules(points, reasons, now);
        }
        if (!newestFirst.isEmpty()) {
            keepNewestChain(newestFirst, reasons);
        }
        for (Hold hold : holds) {
            List<String> why = reasons.get(hold.backupId().value());
            if (why != null && hold.isActive(now)) {
                why.add(hold.describe());
            }
        }
        keepParents(newestFirst, reasons);
        keepLogs(newestFirst, points.isEmpty() ? null : points.get(0).startedAt(), reasons);
        return new RetentionDecision(newestFirst.stream()
                .map(backup -> new BackupDecision(backup, reasons.get(backup.backupId()))).toList());
    }

    /** The rules, over the restorable points alone, newest first. */
    private void applyRules(List<Manifest> points, Map<String, List<String>> reasons, Instant now) {
        Instant newest = points.get(0).startedAt();
        reasons.get(points.get(0).backupId()).add("newest");
        Map<Period, Object> lastBucket = new HashMap<>();
        Map<Period, Integer> remaining = new HashMap<>(counts);
        for (int i = 0; i < points.size(); i++) {
            Manifest backup = points.get(i);
            List<String> why = reasons.get(backup.backupId());
            if (i < last) {
                why.add("last #" + (i + 1));
            }
            for (Map.Entry<Period, Integer> rule : counts.entrySet()) {
                Period period = rule.getKey();
                Object bucket = period.bucket(backup.startedAt().atZone(zone));
                if (remaining.get(period) > 0 && !bucket.equals(lastBucket.get(period))) {
                    lastBucket.put(period, bucket);
                    remaining.merge(period, -1, Integer::sum);
                    why.add(period.label() + " #" + (rule.getValue() - remaining.get(period)));
                }
            }
            if (within != null && backup.startedAt().isAfter(newest.minus(within))) {
                why.add("within " + Durations.format(within) + " of newest");
            }
            if (backup.startedAt().isAfter(now)) {
                why.add("in the future");
            }
        }
    }

    /**
     * Keeps the chain of the newest log file (the one being shipped) when the rules would forget its
     * start: the newest backup is never forgotten, even when scheduled dumps newer than its chain's start
     * fill the rules.
     */
    private static void keepNewestChain(List<Manifest> newestFirst, Map<String, List<String>> reasons) {
        Manifest newest = newestFirst.get(0);
        if (newest.isLog()) {
            newestFirst.stream().filter(start -> !start.isLog() && start.backupId().equals(newest.parentId()))
                    .map(start -> reasons.get(start.backupId())).filter(List::isEmpty).findFirst()
                    .ifPresent(startReasons -> startReasons.add("chain of the newest log"));
        }
    }

    /**
     * Keeps, transitively, the parent of every kept backup that is not a log file, and every backup
     * whose files a kept backup needs ({@link Manifest#needs()}).
     */
    private static void keepParents(List<Manifest> newestFirst, Map<String, List<String>> reasons) {
        for (Manifest backup : newestFirst) { // newest first: a child is visited before its parent
            if (reasons.get(backup.backupId()).isEmpty()) {
                continue;
            }
            List<String> parentReasons = backup.isLog() || backup.parentId() == null ? null
                    : reasons.get(backup.parentId());
            if (parentReasons != null) {
                parentReasons.add("parent of " + backup.backupId());
            }
            for (String needed : backup.needs()) {
                List<String> neededReasons = reasons.get(needed);
                if (neededReasons != null) {
                    neededReasons.add("files needed by " + backup.backupId());
                }
            }
        }
    }

    /**
     * Keeps each log file whose parent is kept, and each one whose parent is not here but that is newer
     * than the newest restorable point ({@code newestPoint}, or {@code null} when there is none).
     */
    private static void keepLogs(List<Manifest> newestFirst, Instant newestPoint, Map<String, List<String>> reasons) {
        Map<String, Manifest> byId = new HashMap<>();
        newestFirst.forEach(backup -> byId.put(backup.backupId(), backup));
        Map<String, Boolean> decided = new HashMap<>();
        for (Manifest backup : newestFirst) {
            if (backup.isLog()) {
                keepLog(backup, byId, newestPoint, reasons, decided);
            }
        }
    }

    /** Whether {@code log} is kept, deciding its parent first when that is a log file too. */
    private static boolean keepLog(Manifest log, Map<String, Manifest> byId, Instant newestPoint,
            Map<String, List<String>> reasons, Map<String, Boolean> decided) {
        Boolean known = decided.get(log.backupId());
        if (known != null) {
            return known;
        }
        decided.put(log.backupId(), Boolean.FALSE); // a parent cycle in damaged manifests keeps nothing
        List<String> why = reasons.get(log.backupId());
        Manifest parent = byId.get(log.parentId());
        if (parent == null) {
            if (newestPoint == null || log.startedAt().isAfter(newestPoint)) {
                why.add("log of " + log.parentId() + " (not here yet)");
            }
        } else if (parent.isLog() ? keepLog(parent, byId, newestPoint, reasons, decided)
                : !reasons.get(parent.backupId()).isEmpty()) {
            why.add("log of " + parent.backupId());
        }
        boolean keep = !why.isEmpty();
        decided.put(log.backupId(), keep);
        return keep;
    }

    @Override
    public String toString() {
        List<String> rules = new ArrayList<>();
        if (last > 0) {
            rules.add("last " + last);
        }
        counts.forEach((period, count) -> rules.add(period.label() + " " + count));
        if (within != null) {
            rules.add("within " + Durations.format(within));
        }
        return "keep " + String.join(", ", rules) + (zone.equals(ZoneOffset.UTC) ? "" : " (" + zone + ")");
    }

    /** Builds a {@link RetentionPolicy}; every count must be positive. */
    public static final class Builder {
        private final Map<Period, Integer> counts = new LinkedHashMap<>();
        private int last;
        private Duration within;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {
        }

        /**
         * Keeps the {@code n} newest backups (restorable points; log files follow their chain).
         *
         * @param n how many, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepLast(int n) {
            last = positive("keepLast", n);
            return this;
        }

        /**
         * Keeps the newest backup of each of the last {@code n} hours that have one.
         *
         * @param n how many hours back, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepHourly(int n) {
            return keep(Period.HOURLY, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} days that have one.
         *
         * @param n how many days back, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepDaily(int n) {
            return keep(Period.DAILY, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} ISO weeks that have one.
         *
         * @param n how many ISO weeks back, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepWeekly(int n) {
            return keep(Period.WEEKLY, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} months that have one.
         *
         * @param n how many months back, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepMonthly(int n) {
            return keep(Period.MONTHLY, n);
        }

        /**
         * Keeps the newest backup of each of the last {@code n} years that have one.
         *
         * @param n how many years back, 1 or more
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when {@code n} is below 1
         */
        public Builder keepYearly(int n) {
            return keep(Period.YEARLY, n);
        }

        /**
         * Keeps every backup started less than {@code duration} before the newest backup (not before now).
         *
         * @param duration a positive duration, e.g. {@code Duration.ofDays(7)}
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when it is null, zero or negative
         */
        public Builder keepWithin(Duration duration) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Retention keepWithin " + duration
                        + " must be positive, e.g. Duration.ofDays(7)");
            }
            within = duration;
            return this;
        }

        /**
         * The time zone periods (hours, days, weeks…) are read in; UTC unless set.
         *
         * @param zone the zone whose midnight starts a day, e.g. the operators' own
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Makes the policy.
         *
         * @return the immutable policy
         * @throws PlanBException when no rule is set: a policy without rules would forget everything
         *     but the newest backup, which is never what anyone means
         */
        public RetentionPolicy build() {
            if (last == 0 && counts.isEmpty() && within == null) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Retention policy has no rule: add keepLast, "
                        + "keepHourly, keepDaily, keepWeekly, keepMonthly, keepYearly or keepWithin");
            }
            return new RetentionPolicy(this);
        }

        private Builder keep(Period period, int n) {
            counts.put(period, positive(period.setting(), n));
            return this;
        }

        private static int positive(String setting, int n) {
            if (n < 1) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "Retention " + setting + " is " + n
                        + ": use 1 or more, or leave the rule out");
            }
            return n;
        }
    }
}
