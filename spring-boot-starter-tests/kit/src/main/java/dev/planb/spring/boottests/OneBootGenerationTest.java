/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.util.ClassUtils;

/**
 * The module running the kit has the Spring Boot generation it names ({@code kit.spring-boot}, set by its POM), and
 * the starter brought no class of the other generation into it (its Boot dependencies are optional).
 */
public class OneBootGenerationTest {

    /** A class each generation has and the other has not. */
    private static final String BOOT3_ONLY = "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails";
    private static final String BOOT4_ONLY = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";

    @Test
    void theApplicationRunsOnlyTheBootItDeclares() {
        String expected = System.getProperty("kit.spring-boot");
        assertThat(expected).as("the module's POM sets kit.spring-boot").isIn("3.5.", "4.0.");
        assertThat(SpringBootVersion.getVersion()).startsWith(expected);
        ClassLoader loader = getClass().getClassLoader();
        boolean boot3 = expected.startsWith("3.");
        assertThat(ClassUtils.isPresent(BOOT3_ONLY, loader)).isEqualTo(boot3);
        assertThat(ClassUtils.isPresent(BOOT4_ONLY, loader)).isEqualTo(!boot3);
        assertThat(ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator", loader))
                .isEqualTo(!boot3);
    }
}
