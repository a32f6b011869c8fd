/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.change;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When the row counts of a new backup count as a destructive change against the previous one: a table
 * that disappeared, or a table of at least {@link #minRows()} rows that lost more than {@link
 * #maxLossPercent()} percent of them. Thresholds can differ per table; tables emptied on purpose (a
 * session table, a queue) are ignored. Table names match case-insensitively, as the manifests record
 * them, and may use {@code *} as a wildcard ({@code tmp_*}). When a change is found, the previous backup
 * is held from retention for {@link #hold()} ({@link Duration#ZERO}: not held).
 *
 * <pre>{@code
 * DestructiveChangePolicy policy = DestructiveChangePolicy.builder()
 *         .minRows(1000).maxLossPercent(50)
 *         .table("orders", 10, 5)          // orders: alarm from 10 rows, on more than 5 % lost
 *         .ignore("sessions").ignore("tmp_*")
 *         .hold(Duration.ofDays(30))
 *         .build();
 * }</pre>
 */
public final class DestructiveChangePolicy {

    /** The default smallest table watched for lost rows. */
    public static final long DEFAULT_MIN_ROWS = 1000;
    /** The default share of rows a watched table may lose, in percent. */
    public static final double DEFAULT_MAX_LOSS_PERCENT = 50;
    /** How long the last good backup is held by default. */
    public static final Duration DEFAULT_HOLD = Duration.ofDays(30);

    private static final DestructiveChangePolicy DEFAULTS = builder().build();
    private static final DestructiveChangePolicy OFF = builder().enabled(false).build();

    private final boolean enabled;
    private final Threshold threshold;
    private final Map<String, Threshold> tables;
    private final List<String> ignored;
    private final Duration hold;

    private DestructiveChangePolicy(Builder builder) {
        this.enabled = builder.enabled;
        this.threshold = new Threshold(builder.minRows, builder.maxLossPercent);
        this.tables = Map.copyOf(builder.tables);
        this.ignored = List.copyOf(builder.ignored);
        this.hold = builder.hold;
    }

    /**
     * {@return the default policy: more than 50 % of a table of 1,000 rows or more lost, or a dropped table; the
     * last good backup held 30 days}
     */
    public static DestructiveChangePolicy defaults() {
        return DEFAULTS;
    }

    /** {@return a policy that never reports a change} */
    public static DestructiveChangePolicy off() {
        return OFF;
    }

    /** {@return a builder whose settings start at the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether changes are looked for at all} */
    public boolean enabled() {
        return enabled;
    }

    /** {@return the smallest table, in rows, whose lost rows count, unless a table has its own threshold} */
    public long minRows() {
        return threshold.minRows();
    }

    /** {@return the share of its rows a table may lose, in percent, unless it has its own threshold} */
    public double maxLossPercent() {
        return threshold.maxLossPercent();
    }

    /** {@return how long the last good backup is held when a change is found; zero when it is not held} */
    public Duration hold() {
        return hold;
    }

    /** {@return the table names or {@code *} patterns that are never reported} */
    public List<String> ignored() {
        return ignored;
    }

    /**
     * Whether a table is on the ignore list, matching names case-insensitively and {@code *} as a wildcard.
     *
     * @param table the table's name as the manifests record it
     * @return whether changes of {@code table} are never reported
     */
    public boolean ignores(String table) {
        return ignored.stream().anyMatch(pattern -> matches(pattern, table));
    }

    /**
     * The threshold that applies to a table: the first of {@link #tables()} whose pattern matches it, else the
     * policy's own.
     *
     * @param table the table's name as the manifests record it
     * @return the table's threshold
     */
    public Threshold thresholdOf(String table) {
        return tables.entrySet().stream().filter(entry -> matches(entry.getKey(), table)).map(Map.Entry::getValue)
                .findFirst().orElse(threshold);
    }

    /** {@return the tables with their own threshold, by name or {@code *} pattern, in the order given} */
    public Map<String, Threshold> tables() {
        return tables;
    }

    /**
     * Whether a table's change is destructive under this policy: it disappeared, or it had at least its
     * threshold's rows and lost more than its share. Ignored tables never are.
     *
     * @param table the table's name as the earlier backup's manifest records it
     * @param rowsBefore the table's rows in the earlier backup
     * @param rowsAfter the table's rows in the later backup; empty when the table is gone from it
     * @return the change when it is destructive; empty when it is not, the table is ignored or the policy is off
     */
    public Optional<TableChange> judge(String table, long rowsBefore, Optional<Long> rowsAfter) {
        if (!enabled || ignores(table)) {
            return Optional.empty();
        }
        if (rowsAfter.isEmpty()) {
            return Optional.of(new TableChange(table, rowsBefore, 0, true));
        }
        TableChange change = new TableChange(table, rowsBefore, rowsAfter.get(), false);
        Threshold applying = thresholdOf(table);
        return rowsBefore >= applying.minRows() && change.lossPercent() > applying.maxLossPercent()
                ? Optional.of(change) : Optional.empty();
    }

    private static boolean matches(String pattern, String table) {
        if (!pattern.contains("*")) {
            return pattern.equalsIgnoreCase(table);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part.toLowerCase(Locale.ROOT)));
        }
        return table.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    @Override
    public String toString() {
        return enabled ? "destructive changes: > " + threshold.maxLossPercent() + "% of tables with >= "
                + threshold.minRows() + " rows, or dropped" + (tables.isEmpty() ? "" : "; own thresholds " + tables)
                + (ignored.isEmpty() ? "" : "; ignored " + ignored) + "; hold " + hold
                : "destructive changes: not watched";
    }

    /**
     * A table's threshold.
     *
     * @param minRows the smallest row count at which lost rows count
     * @param maxLossPercent the share of rows that may be lost, in percent, 0 to 100
     */
    public record Threshold(long minRows, double maxLossPercent) {

        /**
         * Checks the values, naming the bad one.
         *
         * @param minRows the smallest row count at which lost rows count, 0 or more
         * @param maxLossPercent the share of rows that may be lost, in percent, at least 0 and below 100
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when a value is out of range
         */
        public Threshold {
            if (minRows < 0) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "destructive-change min-rows is " + minRows
                        + ": use 0 or more");
            }
            if (!(maxLossPercent >= 0 && maxLossPercent < 100)) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "destructive-change max-loss is " + maxLossPercent
                        + "%: use a share from 0% to 99%");
            }
        }
    }

    /** Builds a {@link DestructiveChangePolicy}; every setting starts at its default. */
    public static final class Builder {
        private boolean enabled = true;
        private long minRows = DEFAULT_MIN_ROWS;
        private double maxLossPercent = DEFAULT_MAX_LOSS_PERCENT;
        private final Map<String, Threshold> tables = new LinkedHashMap<>();
        private final List<String> ignored = new ArrayList<>();
        private Duration hold = DEFAULT_HOLD;

        private Builder() {
        }

        /**
         * Whether to look for destructive changes (default {@code true}).
         *
         * @param enabled {@code false} to never report a change
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * The smallest table whose lost rows count (default 1,000), unless a table has its own threshold.
         *
         * @param minRows a row count, 0 or more (checked by {@link #build()})
         * @return this builder
         */
        public Builder minRows(long minRows) {
            this.minRows = minRows;
            return this;
        }

        /**
         * The share of its rows a table may lose, in percent (default 50), unless it has its own threshold.
         *
         * @param maxLossPercent a share at least 0 and below 100 (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxLossPercent(double maxLossPercent) {
            this.maxLossPercent = maxLossPercent;
            return this;
        }

        /**
         * A table (or {@code *} pattern) with its own threshold; the first pattern given that matches a table wins.
         *
         * @param table the table's name as {@code planb list} shows it, or a pattern such as {@code tmp_*}
         * @param minRows the smallest row count at which the table's lost rows count
         * @param maxLossPercent the share of its rows the table may lose, in percent, at least 0 and below 100
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the name is blank or a value is out
         *     of range
         */
        public Builder table(String table, long minRows, double maxLossPercent) {
            tables.put(requireName(table), new Threshold(minRows, maxLossPercent));
            return this;
        }

        /**
         * A table (or {@code *} pattern) never reported, e.g. one emptied on purpose.
         *
         * @param table the table's name as {@code planb list} shows it, or a pattern such as {@code tmp_*}
         * @return this builder
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} when the name is blank
         */
        public Builder ignore(String table) {
            ignored.add(requireName(table));
            return this;
        }

        /**
         * How long the last good backup is held from retention when a change is found (default 30 days).
         *
         * @param hold a duration, zero not to hold (a negative one fails {@link #build()})
         * @return this builder
         */
        public Builder hold(Duration hold) {
            this.hold = Objects.requireNonNull(hold, "hold");
            return this;
        }

        /**
         * Checks the settings.
         *
         * @return the policy
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the bad setting
         */
        public DestructiveChangePolicy build() {
            new Threshold(minRows, maxLossPercent);
            if (hold.isNegative()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "destructive-change hold is " + hold
                        + ": use a duration such as 30d, or 0 not to hold");
            }
            return new DestructiveChangePolicy(this);
        }

        private static String requireName(String table) {
            if (table == null || table.isBlank()) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "destructive-change names an empty table: give"
                        + " the table's name as 'planb list' shows it, or a pattern such as tmp_*");
            }
            return table.trim();
        }
    }
}
