/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.planb.event.BackupFailed;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import dev.planb.event.VerificationFailed;
import dev.planb.event.Verified;

/**
 * Micrometer meters fed by PlanB's events, tagged with the plan: {@code planb.backup.duration}
 * (timer, tag {@code outcome}), {@code planb.backup.size} (bytes stored per backup),
 * {@code planb.backup.failures} (counter), {@code planb.verification.duration} (timer: the
 * recovery time of passed drills), {@code planb.verification.failures} (counter). The time since the last success is {@link PlanBStatusMetrics}'s gauge.
 */
public class PlanBMetrics implements PlanBListener {

    private final MeterRegistry registry;

    /**
     * Meters that start counting with the next event; register it as a listener of the runtime.
     *
     * @param registry where the meters are registered
     */

    public PlanBMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onEvent(PlanBEvent event) {
        if (event instanceof BackupSucceeded succeeded) {
            backupTimer(succeeded.plan(), "success").record(succeeded.duration());
            DistributionSummary.builder("planb.backup.size").baseUnit("bytes").tag("plan", succeeded.plan())
                    .description("Bytes stored per backup").register(registry)
                    .record(succeeded.result().manifest().storedBytes());
        } else if (event instanceof BackupFailed failed) {
            backupTimer(failed.plan(), "failure").record(failed.duration());
            Counter.builder("planb.backup.failures").tag("plan", failed.plan())
                    .description("Backups that failed").register(registry).increment();
        } else if (event instanceof Verified verified) {
            verified.result().recovery().ifPresent(verificationTimer(verified.plan())::record);
        } else if (event instanceof VerificationFailed failed) {
            Counter.builder("planb.verification.failures").tag("plan", failed.plan())
                    .description("Restore drills that failed or could not run").register(registry).increment();
        }
    }

    private Timer backupTimer(String plan, String outcome) {
        return Timer.builder("planb.backup.duration").tag("plan", plan).tag("outcome", outcome)
                .description("How long backups take").register(registry);
    }

    private Timer verificationTimer(String plan) {
        return Timer.builder("planb.verification.duration").tag("plan", plan)
                .description("How long restore drills take to restore (the recovery time)").register(registry);
    }
}
