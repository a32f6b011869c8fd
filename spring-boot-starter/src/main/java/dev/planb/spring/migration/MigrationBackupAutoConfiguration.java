/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import dev.planb.PlanB;
import dev.planb.spring.autoconfigure.InvalidPlanBPropertyException;
import dev.planb.spring.autoconfigure.PlanBAutoConfiguration;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The backup before migrations: when the application has Flyway or Liquibase and migrations are pending at
 * start-up, the application's plan is backed up first, labelled with them. On by default;
 * {@code planb.migrations.backup-before=false} turns it off. Only the library types are hooked ({@code Flyway},
 * {@code SpringLiquibase}), which are the same under Spring Boot 3.5 and 4.0.
 */
@AutoConfiguration(after = PlanBAutoConfiguration.class)
@ConditionalOnBean(PlanB.class)
@ConditionalOnBooleanProperty(name = "planb.migrations.backup-before", matchIfMissing = true)
@EnableConfigurationProperties(MigrationBackupProperties.class)
public class MigrationBackupAutoConfiguration {

    /**
     * Applied by Spring Boot when the application has a {@link PlanB}, never made by application code;
     * {@code planb.migrations.backup-before=false} turns it off.
     */
    public MigrationBackupAutoConfiguration() {
    }

    /** Backs up the plan of {@code planb.migrations.plan}, by default the application's own ({@code planb.name}). */
    @Bean
    MigrationBackup planbMigrationBackup(PlanB planB, MigrationBackupProperties properties, Environment environment) {
        String plan = properties.getPlan() != null ? properties.getPlan() : environment.getProperty("planb.name", "app");
        Duration keepFor = properties.getKeepFor();
        if (keepFor == null || keepFor.isNegative() || keepFor.isZero()) {
            throw new InvalidPlanBPropertyException("planb.migrations.keep-for", "is " + keepFor + ": use a positive"
                    + " duration, e.g. 30d, to keep the backup taken before migrations that long");
        }
        return new MigrationBackup(planB, plan, properties.isFailOnBackupError(), keepFor);
    }

    /** Flyway's pending migrations, when Flyway is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    static class FlywayBackup {

        @Bean
        static FlywayMigrationBackup planbFlywayMigrationBackup(ObjectProvider<MigrationBackup> backup) {
            return new FlywayMigrationBackup(backup);
        }
    }

    /** Liquibase's pending change sets, when Liquibase's Spring integration is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    static class LiquibaseBackup {

        @Bean
        static LiquibaseMigrationBackup planbLiquibaseMigrationBackup(ObjectProvider<MigrationBackup> backup) {
            return new LiquibaseMigrationBackup(backup);
        }
    }
}
