/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Backs up before Flyway's pending migrations: Spring Boot's migration initializer (in Boot 3.5 and 4.0)
 * takes the {@link Flyway} bean once it is initialized and migrates, so a backup taken as the bean is
 * initialized comes first. Flyway's own {@code info()} says what is pending (nothing: no backup).
 */
final class FlywayMigrationBackup implements BeanPostProcessor {

    private final ObjectProvider<MigrationBackup> backup;

    FlywayMigrationBackup(ObjectProvider<MigrationBackup> backup) {
        this.backup = backup;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Flyway flyway) {
            List<String> pending = Arrays.stream(flyway.info().pending())
                    .map(FlywayMigrationBackup::name).toList();
            if (!pending.isEmpty()) {
                backup.getObject().before("Flyway", pending);
            }
        }
        return bean;
    }

    private static String name(MigrationInfo migration) {
        return migration.getScript() != null ? MigrationLabel.scriptName(migration.getScript())
                : migration.getVersion() + " " + migration.getDescription();
    }
}
