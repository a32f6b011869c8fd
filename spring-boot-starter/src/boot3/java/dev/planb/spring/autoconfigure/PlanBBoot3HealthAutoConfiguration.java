/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.PlanB;
import dev.planb.status.page.PlanReports;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code planb} health on Spring Boot 3, whose health API is {@code org.springframework.boot.actuate.health}
 * (Boot 4's is {@code PlanBHealthAutoConfiguration}).
 */
@AutoConfiguration(after = PlanBActuatorAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
class PlanBBoot3HealthAutoConfiguration {

    /** Nested, so that its Boot 3 annotations are read only once the class condition above holds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({PlanB.class, PlanReports.class})
    @ConditionalOnEnabledHealthIndicator("planb")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "planbHealthIndicator")
        PlanBBoot3HealthIndicator planbHealthIndicator(PlanReports reports) {
            return new PlanBBoot3HealthIndicator(reports);
        }
    }

    /** The same health as Boot 4's {@code PlanBHealthIndicator}: DOWN, DESTRUCTIVE_CHANGE or UP. */
    static final class PlanBBoot3HealthIndicator extends AbstractHealthIndicator {

        private final PlanReports reports;

        PlanBBoot3HealthIndicator(PlanReports reports) {
            super("PlanB health check failed");
            this.reports = reports;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            PlanReports.HealthVerdict verdict = reports.health(builder::withDetail);
            switch (verdict) {
                case DOWN -> builder.down();
                case DESTRUCTIVE_CHANGE -> builder.status(new Status(verdict.name(), verdict.description()));
                case UP -> builder.up();
            }
        }
    }
}
