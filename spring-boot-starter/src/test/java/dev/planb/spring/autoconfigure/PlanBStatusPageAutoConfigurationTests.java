/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.planb.spring.web.StatusPageController;

class PlanBStatusPageAutoConfigurationTests {

    @TempDir
    Path backups;

    private final AutoConfigurations planb = AutoConfigurations.of(PlanBAutoConfiguration.class,
            PlanBActuatorAutoConfiguration.class, PlanBStatusPageAutoConfiguration.class);

    @Test
    void isServedWhenEnabled() {
        new WebApplicationContextRunner().withConfiguration(planb)
                .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.status-page.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(StatusPageController.class));
    }

    @Test
    void isOffByDefault() {
        new WebApplicationContextRunner().withConfiguration(planb)
                .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).doesNotHaveBean(StatusPageController.class));
    }

    @Test
    void isNotServedOutsideAWebApplication() {
        new ApplicationContextRunner().withConfiguration(planb)
                .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.status-page.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(StatusPageController.class));
    }
}
