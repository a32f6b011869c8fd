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
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.planb.PlanB;
import dev.planb.spring.actuate.PlanBEndpoint;
import dev.planb.spring.actuate.PlanBHealthIndicator;
import dev.planb.status.metrics.PlanBMetrics;
import dev.planb.status.metrics.PlanBStatusMetrics;
import dev.planb.status.page.PlanReports;

/**
 * PlanB's health indicator ({@code planb}), endpoint ({@code /actuator/planb}) and Micrometer
 * metrics, each when its part of Actuator / Micrometer is on the classpath.
 */
@AutoConfiguration(after = PlanBAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(PlanB.class)
public class PlanBActuatorAutoConfiguration {

    /** The reports the health, the endpoint and the status page read. */
    @Bean
    @ConditionalOnBean(PlanB.class)
    @ConditionalOnMissingBean
    PlanReports planbReports(ObjectProvider<PlanB> planB) {
        return new PlanReports(planB.getIfUnique(), Clock.systemUTC());
    }

    /** The {@code planb} health. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnBean(PlanB.class)
    @ConditionalOnEnabledHealthIndicator("planb")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "planbHealthIndicator")
        PlanBHealthIndicator planbHealthIndicator(PlanReports reports) {
            return new PlanBHealthIndicator(reports);
        }
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
