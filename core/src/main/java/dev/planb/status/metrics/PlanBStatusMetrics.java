/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.metrics;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.planb.PlanB;
import dev.planb.status.PlanStatus;

/**
 * The gauge {@code planb.backup.age} (seconds since each plan's newest successful backup; NaN
 * before the first) and {@code planb.plan.down} (1 when stale or the last verification failed).
 */
public class PlanBStatusMetrics implements MeterBinder {

    private final PlanB planB;
    private final Clock clock;

    /**
     * Gauges of a runtime's plans, registered by {@link #bindTo(MeterRegistry)}.
     *
     * @param planB the runtime whose plans are measured

     * @param clock what ages are measured against
     */
    public PlanBStatusMetrics(PlanB planB, Clock clock) {
        this.planB = planB;
        this.clock = clock;
    }

    /** Registers the gauges of every plan. */
    @Override
    public void bindTo(MeterRegistry registry) {
        planB.plans().forEach(plan -> {
            Gauge.builder("planb.backup.age", planB, runtime -> runtime.status(plan.name())
                    .flatMap(status -> status.age(clock.instant())).map(age -> age.toMillis() / 1000.0)
                    .orElse(Double.NaN))
                    .tag("plan", plan.name()).baseUnit("seconds")
                    .description("Time since the newest successful backup").register(registry);
            Gauge.builder("planb.plan.down", planB, runtime -> runtime.status(plan.name())
                    .map(PlanBStatusMetrics::down).orElse(Double.NaN))
                    .tag("plan", plan.name()).description("1 when the plan is stale or its last verification failed")
                    .register(registry);
        });
    }

    private static double down(PlanStatus status) {
        return status.needsAttention() ? 1 : 0;
    }
}
