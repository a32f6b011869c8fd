/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.retention;

import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;

/** The calendar periods retention counts in, and how a time falls into one. */
enum Period {
    HOURLY("hourly", "keepHourly"),
    DAILY("daily", "keepDaily"),
    WEEKLY("weekly", "keepWeekly"),
    MONTHLY("monthly", "keepMonthly"),
    YEARLY("yearly", "keepYearly");

    private final String label;
    private final String setting;

    Period(String label, String setting) {
        this.label = label;
        this.setting = setting;
    }

    String label() {
        return label;
    }

    String setting() {
        return setting;
    }

    /** A value equal for two times exactly when they fall in the same period. */
    Object bucket(ZonedDateTime time) {
        return switch (this) {
            case HOURLY -> List.of(time.getYear(), time.getDayOfYear(), time.getHour());
            case DAILY -> List.of(time.getYear(), time.getDayOfYear());
            case WEEKLY -> List.of(time.get(IsoFields.WEEK_BASED_YEAR), time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> List.of(time.getYear(), time.getMonthValue());
            case YEARLY -> List.of(time.getYear());
        };
    }
}
