/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.PlanB;
import dev.planb.spring.actuate.PlanBHealthIndicator;
import dev.planb.status.page.PlanReports;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code planb} health on Spring Boot 4, whose health API is {@code org.springframework.boot.health.contributor}.
 * On Spring Boot 3 a package-private twin gives the same health; {@code management.health.planb.enabled=false}
 * turns either off.
 */
@AutoConfiguration(after = PlanBActuatorAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class PlanBHealthAutoConfiguration {

    /** Applied by Spring Boot 4, never made by application code. */
    public PlanBHealthAutoConfiguration() {
    }

    /** Nested, so that its Boot 4 annotations are read only once the class condition above holds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({PlanB.class, PlanReports.class})
    @ConditionalOnEnabledHealthIndicator("planb")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "planbHealthIndicator")
        PlanBHealthIndicator planbHealthIndicator(PlanReports reports) {
            return new PlanBHealthIndicator(reports);
        }
    }
}
