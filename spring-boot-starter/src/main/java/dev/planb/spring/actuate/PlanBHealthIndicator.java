package dev.planb.spring.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.planb.status.page.PlanReports;

/**
 * The {@code planb} health on Spring Boot 4 ({@code org.springframework.boot.health.contributor}; Boot 3 has
 * its twin in the starter's Boot 3 health auto-configuration): DOWN when a plan is stale (no backup within its max age) or its last
 * verification failed; the details show each plan's last success per destination.
 */
public class PlanBHealthIndicator extends AbstractHealthIndicator {

    private final PlanReports reports;

    /** @param reports what the details are made of */
    public PlanBHealthIndicator(PlanReports reports) {
        super("PlanB health check failed");
        this.reports = reports;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (reports.health(builder::withDetail)) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
