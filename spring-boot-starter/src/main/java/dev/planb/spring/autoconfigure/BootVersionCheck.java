/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Stops start-up with one line when the application runs a Spring Boot this starter was not built for,
 * before Boot's own auto-configurations meet classes they do not know and fail obscurely.
 * Runs as an {@link ApplicationContextInitializer}, before any bean is defined;
 * {@code planb.boot-compatibility-check=false} turns it off (at your own risk).
 */
final class BootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The Spring Boot versions the starter is built and tested for. */
    static final String SUPPORTED = "3.5.x and 4.0.x";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        check(context.getEnvironment(), SpringBootVersion.getVersion());
    }

    /**
     * @param version the application's Spring Boot version; null when unknown (classes outside a jar), then allowed
     * @throws IllegalStateException naming the supported range when {@code version} is outside it
     */
    static void check(Environment environment, String version) {
        boolean enabled = environment.getProperty("planb.boot-compatibility-check", Boolean.class, true);
        if (enabled && version != null && !version.startsWith("3.5.") && !version.startsWith("4.0.")) {
            throw new IllegalStateException("PlanB's Spring Boot starter supports Spring Boot " + SUPPORTED
                    + " and this application runs Spring Boot " + version + ": use Spring Boot 3.5 or 4.0"
                    + ", back the database up with planb run --config instead, or set"
                    + " planb.boot-compatibility-check=false to try anyway");
        }
    }
}
