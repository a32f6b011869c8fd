/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.planb.status.page.PlanReports;

/**
 * The {@code planb} health on Spring Boot 4 ({@code org.springframework.boot.health.contributor}; the starter's
 * Boot 3 health auto-configuration has its twin): DOWN when a plan is stale (no backup within its max age) or its last
 * verification failed; {@value #DESTRUCTIVE_CHANGE} (a status of its own, HTTP 200 unless mapped with
 * {@code management.endpoint.health.status.http-mapping.DESTRUCTIVE_CHANGE=503}) while a plan's destructive change
 * is open; the details show each plan's last success per destination.
 */
public class PlanBHealthIndicator extends AbstractHealthIndicator {

    /** The status of a plan whose last backup showed tables dropped or emptied. */
    public static final String DESTRUCTIVE_CHANGE = "DESTRUCTIVE_CHANGE";

    private final PlanReports reports;

    /**
     * Makes the indicator; {@code PlanBHealthAutoConfiguration} does on Spring Boot 4.
     *
     * @param reports the plans' statuses the health and its details are made of
     */
    public PlanBHealthIndicator(PlanReports reports) {
        super("PlanB health check failed");
        this.reports = reports;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        PlanReports.HealthVerdict verdict = reports.health(builder::withDetail);
        switch (verdict) {
            case DOWN -> builder.down();
            case DESTRUCTIVE_CHANGE -> builder.status(new Status(DESTRUCTIVE_CHANGE, verdict.description()));
            case UP -> builder.up();
        }
    }
}
