/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import dev.planb.Preflight;
import dev.planb.PreflightReport;
import dev.planb.spi.Finding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs {@link PlanB#preflight(BackupPlan)} for every plan once the application context is up (with the
 * streaming prerequisites for plans that stream), on a background thread so start-up does not wait,
 * and logs the report: blockers at ERROR, warnings at WARN, checks that passed at DEBUG. It never
 * stops the application. {@code planb.preflight=false} turns it off.
 */
public final class StartupPreflight implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(StartupPreflight.class);

    private final PlanB planB;
    private final Set<String> streamingPlans;
    private final CompletableFuture<Map<String, PreflightReport>> reports = new CompletableFuture<>();

    /**
     * @param planB the runtime whose plans are checked
     * @param streamingPlans the plans whose transaction log is streamed: their streaming prerequisites
     *     are checked too
     */
    StartupPreflight(PlanB planB, Set<String> streamingPlans) {
        this.planB = planB;
        this.streamingPlans = Set.copyOf(streamingPlans);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread thread = new Thread(this::run, "planb-preflight");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The outcome of the checks, for code that wants to wait for them (e.g. a test, or a readiness check).
     *
     * @return a future completed with each plan's report by plan name once every plan has been checked,
     *     or completed exceptionally when the checks could not run
     */
    public CompletableFuture<Map<String, PreflightReport>> reports() {
        return reports;
    }

    private void run() {
        Map<String, PreflightReport> byPlan = new LinkedHashMap<>();
        try {
            for (BackupPlan plan : planB.plans()) {
                PreflightReport report = Preflight.of(plan).streaming(streamingPlans.contains(plan.name())).run();
                log(plan.name(), report);
                byPlan.put(plan.name(), report);
            }
            reports.complete(byPlan);
        } catch (RuntimeException e) {
            LOG.warn("PlanB preflight could not run: {}", e.getMessage(), e);
            reports.completeExceptionally(e);
        }
    }

    private static void log(String plan, PreflightReport report) {
        for (Finding finding : report.findings()) {
            switch (finding.severity()) {
                case BLOCKER -> LOG.error("PlanB preflight of plan '{}': {}", plan, finding);
                case WARNING -> LOG.warn("PlanB preflight of plan '{}': {}", plan, finding);
                case OK -> LOG.debug("PlanB preflight of plan '{}': {}", plan, finding);
            }
        }
        if (report.blocksBackup()) {
            LOG.error("PlanB preflight of plan '{}': {} (planb doctor runs the same checks)", plan, report.summary());
        } else {
            LOG.info("PlanB preflight of plan '{}': {}", plan, report.summary());
        }
    }
}
