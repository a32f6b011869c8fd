/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.config.InvalidSettingException;
import dev.planb.config.PlanSettings;
import dev.planb.config.SecretRef;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * The application's own database as PlanB reaches it, found the way Boot's Flyway and Liquibase
 * auto-configurations find it, never from the driver's metadata strings (mysql-connector-j reports the
 * user as {@code user@host}, mariadb-java-client masks the password inside its URL): Boot's
 * {@code JdbcConnectionDetails} ({@code spring.datasource.*}, Docker Compose and Testcontainers service
 * connections) when Boot made the {@link DataSource}; else the DataSource's own URL, user and password
 * properties (a Hikari or driver DataSource the application made, or the {@link PlanBDataSource} one); else
 * {@code spring.datasource.*}. {@code planb.database.username} and {@code planb.database.password} (or
 * {@code -env}, {@code -file}) override the user and password.
 */
final class ApplicationDatabase {

    private static final String KEY = "planb.database";

    private ApplicationDatabase() {
    }

    /**
     * @param overrides {@code planb.database.*}
     * @param boot what Boot's JDBC auto-configuration knows, or null without it; ignored for a
     *     {@link PlanBDataSource} (Boot's details describe Boot's own DataSource)
     * @param dataSource the application's DataSource
     * @param qualified whether {@code dataSource} is the {@link PlanBDataSource} one
     */
    static DatabaseSource of(PlanSettings.DatabaseSettings overrides, BootDataSourceLogins boot, DataSource dataSource,
            boolean qualified) {
        Optional<BootDataSourceLogins> fromBoot = qualified ? Optional.empty() : Optional.ofNullable(boot);
        JdbcLogin app = fromBoot.flatMap(BootDataSourceLogins::connectionDetails)
                .or(() -> ofBean(dataSource))
                .or(() -> fromBoot.flatMap(BootDataSourceLogins::properties))
                .orElseThrow(() -> new InvalidPlanBPropertyException(KEY + ".url", "PlanB cannot tell the URL of the"
                        + " application's DataSource (" + dataSource.getClass().getName() + "): set planb.database.url,"
                        + " planb.database.username and planb.database.password"));
        String user = overrides.getUsername() != null ? overrides.getUsername() : app.user();
        Secret password = password(overrides).orElse(app.password() == null ? null : Secret.of(app.password()));
        if ((user == null || user.isEmpty()) && password == null) {
            return DatabaseSource.of(app.url());
        }
        return DatabaseSource.of(app.url(), user, password);
    }

    private static Optional<Secret> password(PlanSettings.DatabaseSettings overrides) {
        try {
            return SecretRef.of(KEY + ".password", overrides.getPassword(), overrides.getPasswordEnv(),
                    overrides.getPasswordFile()).map(SecretRef::resolve);
        } catch (InvalidSettingException e) {
            throw new InvalidPlanBPropertyException(e.setting(), e.problem());
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanBPropertyException(KEY + ".password", e.getMessage());
        }
    }

    /** From the DataSource's JavaBean properties ({@code url} or {@code jdbcUrl}, {@code username} or {@code user}, {@code password}). */
    private static Optional<JdbcLogin> ofBean(DataSource dataSource) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
        return read(bean, "jdbcUrl", "url", "URL").map(url -> new JdbcLogin(url,
                read(bean, "username", "user").orElse(null), read(bean, "password").orElse(null)));
    }

    private static Optional<String> read(BeanWrapper bean, String... names) {
        return Stream.of(names).filter(bean::isReadableProperty)
                .map(name -> bean.getPropertyValue(name))
                .filter(String.class::isInstance).map(String.class::cast)
                .filter(value -> !value.isEmpty()).findFirst();
    }
}
