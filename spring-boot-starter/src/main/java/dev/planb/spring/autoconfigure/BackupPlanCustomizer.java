/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.BackupPlan;

/**
 * Adjusts a plan made from {@code planb.*} properties before it is built, for what properties
 * cannot say (a custom {@code Notifier}, an engine with options, files beside the database).
 *
 * <pre>{@code
 * @Bean
 * BackupPlanCustomizer uploads() {
 *     return (name, plan) -> plan.files(DirectorySource.of("uploads", Path.of("/var/app/uploads")));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface BackupPlanCustomizer {

    /**
     * Adjusts one plan. Called once for each plan the properties describe, the application's own and each of
     * {@code planb.plans}, before the plan is built; the plan's checks then apply to the result.
     *
     * @param planName the plan's name ({@code planb.name}, or the key under {@code planb.plans})
     * @param plan the builder, already holding the properties' settings
     */
    void customize(String planName, BackupPlan.Builder plan);
}
