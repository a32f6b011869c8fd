/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.config.DurationText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A point in time on the command line: an ISO time, a day, or a time ago ({@code 2h}). */
final class TimeArgument {

    private TimeArgument() {
    }

    /**
     * Reads {@code text}: {@code 2026-12-07T09:30:00Z} or with an offset, {@code 2026-12-07T09:30} or
     * {@code 2026-12-07 09:30} (UTC), {@code 2026-12-07} (its start, UTC), or a duration ago ({@code 2h}, {@code 1d12h}).
     *
     * @param option the option's name, for the message
     * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the option and the forms it takes
     */
    static Instant parse(String option, String text, Instant now) {
        String trimmed = text.trim();
        Optional<java.time.Duration> ago = DurationText.tryParse(trimmed);
        if (ago.isPresent()) {
            return now.minus(ago.get());
        }
        String iso = trimmed.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            // not with a zone: try the UTC forms
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // not a local time either
        }
        try {
            return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, option + " '" + text + "' is not a time: use e.g."
                    + " 2026-12-07T09:30:00Z, 2026-12-07 09:30 (UTC), 2026-12-07, or a time ago such as 2h or 1d");
        }
    }
}
