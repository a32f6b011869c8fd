/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} PlanB backs up when the application has several, as Boot's
 * {@code @FlywayDataSource} does for Flyway; without it PlanB backs up the only or the {@code @Primary} one.
 * PlanB reads the URL, user and password from the DataSource's own properties (Hikari's {@code jdbcUrl},
 * {@code username}, {@code password}); {@code planb.database.*} overrides them.
 *
 * <pre>
 * &#64;Bean
 * &#64;PlanBDataSource
 * HikariDataSource ordersDataSource() { … }
 * </pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface PlanBDataSource {
}
