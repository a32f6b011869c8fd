/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.integration.spring.SpringResourceAccessor;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Backs up before Liquibase's pending change sets: {@link SpringLiquibase} (the bean Spring Boot 3.5 and 4.0
 * configure) updates the database when it is initialized, so a backup taken just before its initialization
 * comes first. What is pending is read as Liquibase reads it (the same change log, contexts, labels, schemas
 * and tracking table), without writing to the database.
 */
final class LiquibaseMigrationBackup implements BeanPostProcessor {

    private final ObjectProvider<MigrationBackup> backup;

    LiquibaseMigrationBackup(ObjectProvider<MigrationBackup> backup) {
        this.backup = backup;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            List<String> pending = pending(liquibase, beanName);
            if (!pending.isEmpty()) {
                backup.getObject().before("Liquibase", pending);
            }
        }
        return bean;
    }

    private static List<String> pending(SpringLiquibase spring, String beanName) {
        DataSource dataSource = spring.getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            if (spring.getDefaultSchema() != null) {
                database.setDefaultSchemaName(spring.getDefaultSchema());
            }
            if (spring.getLiquibaseSchema() != null) {
                database.setLiquibaseSchemaName(spring.getLiquibaseSchema());
            }
            if (spring.getDatabaseChangeLogTable() != null) {
                database.setDatabaseChangeLogTableName(spring.getDatabaseChangeLogTable());
            }
            if (spring.getDatabaseChangeLogLockTable() != null) {
                database.setDatabaseChangeLogLockTableName(spring.getDatabaseChangeLogLockTable());
            }
            Liquibase liquibase = new Liquibase(spring.getChangeLog(), new SpringResourceAccessor(spring.getResourceLoader()),
                    database);
            // false: list only, without creating Liquibase's tracking tables
            return liquibase.listUnrunChangeSets(new Contexts(spring.getContexts()),
                    new LabelExpression(spring.getLabelFilter()), false).stream().map(ChangeSet::getId).toList();
        } catch (SQLException | LiquibaseException e) {
            throw new BeanInitializationException("PlanB cannot tell which Liquibase change sets of bean '" + beanName
                    + "' are pending (" + e.getMessage() + "): set planb.migrations.backup-before=false to migrate"
                    + " without a backup", e);
        }
    }
}
