/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Ticks of a Quartz/Spring cron expression (cron-utils), seconds optional. */
final class CronTiming implements Schedule.Timing {

    private static final CronParser SIX_FIELDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));
    private static final CronParser SEVEN_FIELDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;
    private final Duration period;

    private CronTiming(String expression, ZoneId zone, ExecutionTime executionTime) {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = executionTime;
        this.period = measurePeriod();
    }

    static CronTiming parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw invalid(expression, "it is empty");
        }
        String trimmed = expression.trim();
        String[] fields = trimmed.split("\\s+");
        try {
            ExecutionTime executionTime = switch (fields.length) {
                case 5 -> ExecutionTime.forCron(SIX_FIELDS.parse("0 " + trimmed));
                case 6 -> ExecutionTime.forCron(SIX_FIELDS.parse(trimmed));
                case 7 -> ExecutionTime.forCron(SEVEN_FIELDS.parse(trimmed));
                default -> throw invalid(expression, "it has " + fields.length
                        + " fields; use 5 (minute hour day month weekday), 6 (with seconds first) or 7 (with a year last)");
            };
            CronTiming timing = new CronTiming(trimmed, zone, executionTime);
            if (timing.next(Instant.now()).isEmpty()) {
                throw invalid(expression, "it never fires again");
            }
            return timing;
        } catch (IllegalArgumentException e) {
            throw invalid(expression, e.getMessage());
        }
    }

    @Override
    public Optional<Instant> next(Instant time) {
        return executionTime.nextExecution(time.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    @Override
    public Duration period() {
        return period;
    }

    private Duration measurePeriod() {
        Instant first = next(Instant.EPOCH).orElse(Instant.EPOCH);
        return next(first).map(second -> Duration.between(first, second)).orElse(Duration.ofDays(1));
    }

    private static PlanBException invalid(String expression, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, "Cron expression '" + expression + "' is invalid: "
                + problem);
    }

    @Override
    public String toString() {
        return "cron '" + expression + "'" + (zone.equals(java.time.ZoneOffset.UTC) ? "" : " in " + zone);
    }
}
