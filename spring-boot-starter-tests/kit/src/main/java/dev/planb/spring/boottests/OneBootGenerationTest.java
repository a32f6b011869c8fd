/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.util.ClassUtils;

/**
 * The module running the kit has the Spring Boot generation it names ({@code kit.spring-boot}, set by its POM), and
 * the starter brought no class of the other generation into it (its Boot dependencies are optional); PlanB runs on
 * the one Jackson 2 that Boot manages, beside Boot 4's Jackson 3 ({@code kit.jackson2}, {@code kit.jackson3}).
 */
public class OneBootGenerationTest {

    /** A class each generation has and the other has not. */
    private static final String BOOT3_ONLY = "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails";
    private static final String BOOT4_ONLY = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails";
    /** Jackson 3's version, in its own package ({@code tools.jackson}): only Boot 4 applications have it. */
    private static final String JACKSON3_VERSION = "tools.jackson.databind.cfg.PackageVersion";

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

    @Test
    void planBRunsOnTheJackson2ItsBootManagesBesideBoot4sJackson3() throws Exception {
        String jackson2 = System.getProperty("kit.jackson2");
        String jackson3 = System.getProperty("kit.jackson3");
        assertThat(jackson2).as("the module's POM sets kit.jackson2").startsWith("2.");
        assertThat(jackson3).as("the module's POM sets kit.jackson3").isNotBlank();
        // databind, core and java.time from one Jackson 2 release: Boot's, not the one PlanB is built with
        assertThat(List.of(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION,
                com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION))
                .extracting(Object::toString).containsOnly(jackson2);
        boolean boot3 = System.getProperty("kit.spring-boot").startsWith("3.");
        assertThat(ClassUtils.isPresent(JACKSON3_VERSION, getClass().getClassLoader())).isEqualTo(!boot3);
        if (!boot3) {
            assertThat(Class.forName(JACKSON3_VERSION).getField("VERSION").get(null)).hasToString(jackson3);
        }
    }
}
