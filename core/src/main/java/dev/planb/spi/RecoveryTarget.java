/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a point-in-time restore stops: the newest point the shipped log reaches, a moment, or (PostgreSQL
 * only) a WAL location.
 *
 * <pre>{@code
 * RecoveryTarget.latest();
 * RecoveryTarget.time(Instant.parse("2026-12-05T07:12:00Z"));
 * RecoveryTarget.parse("5m ago", Instant.now());
 * }</pre>
 */
public final class RecoveryTarget {

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*(s|m|h|d)\\s+ago");
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    private final Instant time;
    private final String lsn;

    private RecoveryTarget(Instant time, String lsn) {
        this.time = time;
        this.lsn = lsn;
    }

    /** {@return the target that replays everything the shipped log holds} */
    public static RecoveryTarget latest() {
        return new RecoveryTarget(null, null);
    }

    /**
     * The state of the database at a moment: every transaction committed by then, none after.
     *
     * @param time the moment to stop at
     * @return the target
     * @throws NullPointerException if {@code time} is null
     */
    public static RecoveryTarget time(Instant time) {
        return new RecoveryTarget(Objects.requireNonNull(time, "time"), null);
    }

    /**
     * PostgreSQL: the state at a WAL location.
     *
     * @param lsn the location as {@code pg_current_wal_lsn()} shows it, e.g. {@code 0/3000060}
     * @return the target, the location upper-cased
     * @throws PlanBException when {@code lsn} is not a PostgreSQL LSN
     */
    public static RecoveryTarget lsn(String lsn) {
        if (lsn == null || !LSN.matcher(lsn).matches()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "WAL location '" + lsn
                    + "' is not a PostgreSQL LSN: write it as pg_current_wal_lsn() shows it, e.g. 0/3000060");
        }
        return new RecoveryTarget(null, lsn.toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Reads a target as the command line takes it: {@code latest}; an ISO-8601 instant
     * ({@code 2026-12-05T07:12:00Z}) or date-time with offset; {@code 2026-12-05 07:12:00} (read in UTC);
     * {@code 5m ago} (s, m, h or d before {@code now}); or {@code lsn:0/3000060}.
     *
     * @param text the target as given, surrounding blanks ignored
     * @param now the moment {@code ago} counts back from
     * @return the target
     * @throws PlanBException naming the value and the accepted forms when it is none of them
     */
    public static RecoveryTarget parse(String text, Instant now) {
        String value = text == null ? "" : text.strip();
        if (value.equalsIgnoreCase("latest")) {
            return latest();
        }
        if (value.toLowerCase(java.util.Locale.ROOT).startsWith("lsn:")) {
            return lsn(value.substring(4));
        }
        Matcher ago = AGO.matcher(value);
        if (ago.matches()) {
            long amount = Long.parseLong(ago.group(1));
            Duration duration = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return time(now.minus(duration));
        }
        try {
            return time(java.time.OffsetDateTime.parse(value.replace(' ', 'T')).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return time(LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, "--at '" + text + "' is not a time: write latest,"
                        + " 2026-12-05T07:12:00Z, '2026-12-05 07:12:00' (UTC), '5m ago' or lsn:0/3000060");
            }
        }
    }

    /** {@return whether this target is the newest point the log holds} */
    public boolean isLatest() {
        return time == null && lsn == null;
    }

    /** {@return the moment to stop at, when the target is a time} */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** {@return the WAL location to stop at, when the target is one} */
    public Optional<String> lsn() {
        return Optional.ofNullable(lsn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecoveryTarget target && Objects.equals(target.time, time)
                && Objects.equals(target.lsn, lsn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, lsn);
    }

    @Override
    public String toString() {
        return time != null ? time.toString() : lsn != null ? "lsn:" + lsn : "latest";
    }
}
