/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.planb.PlanB;
import dev.planb.spring.actuate.PlanBEndpoint;
import dev.planb.status.metrics.PlanBMetrics;
import dev.planb.status.metrics.PlanBStatusMetrics;
import dev.planb.status.page.PlanReports;

/**
 * PlanB's endpoint ({@code /actuator/planb}) and Micrometer metrics, each when its part of Actuator /
 * Micrometer is on the classpath, on Spring Boot 3.5 and 4.0 alike (the health, whose API Boot 4 moved, has
 * an auto-configuration per generation).
 */
@AutoConfiguration(after = PlanBAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(PlanB.class)
public class PlanBActuatorAutoConfiguration {

    /**
     * Applied by Spring Boot, never made by application code; the endpoint is exposed like any other
     * ({@code management.endpoints.web.exposure.include=planb}).
     */
    public PlanBActuatorAutoConfiguration() {
    }

    /** The reports the health, the endpoint and the status page read. */
    @Bean
    @ConditionalOnBean(PlanB.class)
    @ConditionalOnMissingBean
    PlanReports planbReports(ObjectProvider<PlanB> planB) {
        return new PlanReports(planB.getIfUnique(), Clock.systemUTC());
    }

    /** The {@code /actuator/planb} endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnBean(PlanB.class)
    static class Actuator {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        PlanBEndpoint planbEndpoint(PlanReports reports) {
            return new PlanBEndpoint(reports);
        }
    }

    /** Micrometer meters: the event listener (before the runtime starts) and the per-plan gauges. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean({MeterRegistry.class, PlanB.class})
    static class Metrics {

        @Bean
        PlanBMetrics planbMetrics(ObjectProvider<MeterRegistry> registry) {
            return new PlanBMetrics(registry.getIfUnique());
        }

        /** Bound to the registry by Spring Boot's metrics auto-configuration, as every {@code MeterBinder} bean. */
        @Bean
        PlanBStatusMetrics planbStatusMetrics(ObjectProvider<PlanB> planB) {
            return new PlanBStatusMetrics(planB.getIfUnique(), Clock.systemUTC());
        }
    }
}
