/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import dev.planb.spring.web.StatusPageController;
import dev.planb.status.page.PlanReports;
import dev.planb.status.page.StatusPage;

/**
 * The status page at {@code planb.status-page.path}, when {@code planb.status-page.enabled=true}
 * in a servlet web application.
 */
@AutoConfiguration(after = PlanBActuatorAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnBooleanProperty(name = "planb.status-page.enabled")
@ConditionalOnBean(PlanReports.class)
public class PlanBStatusPageAutoConfiguration {

    /** Applied by Spring Boot when {@code planb.status-page.enabled=true}, never made by application code. */
    public PlanBStatusPageAutoConfiguration() {
    }

    @Bean
    StatusPageController planbStatusPageController(PlanReports reports) {
        return new StatusPageController(new StatusPage(reports));
    }
}
