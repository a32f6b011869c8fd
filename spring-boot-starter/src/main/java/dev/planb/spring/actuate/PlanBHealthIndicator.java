package dev.planb.spring.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.planb.status.PlanStatus;
import dev.planb.status.page.PlanReports;

/**
 * The {@code planb} health: DOWN when a plan is stale (no backup within its max age) or its last
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
        boolean down = false;
        for (PlanStatus status : reports.planB().status()) {
            down |= PlanReports.isDown(status);
            builder.withDetail(status.plan(), reports.status(status));
        }
        if (down) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
