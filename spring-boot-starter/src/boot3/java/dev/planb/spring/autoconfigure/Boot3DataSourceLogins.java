/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/** {@link BootDataSourceLogins} of Spring Boot 3 ({@code org.springframework.boot.autoconfigure.jdbc}). */
@AutoConfiguration(before = PlanBAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails")
public class Boot3DataSourceLogins {

    @Bean
    BootDataSourceLogins planbBootDataSourceLogins(ObjectProvider<JdbcConnectionDetails> details,
            ObjectProvider<DataSourceProperties> properties) {
        return new BootDataSourceLogins() {
            @Override
            public Optional<JdbcLogin> connectionDetails() {
                return Optional.ofNullable(details.getIfUnique())
                        .map(found -> new JdbcLogin(found.getJdbcUrl(), found.getUsername(), found.getPassword()));
            }

            @Override
            public Optional<JdbcLogin> properties() {
                return Optional.ofNullable(properties.getIfUnique()).filter(found -> found.getUrl() != null)
                        .map(found -> new JdbcLogin(found.determineUrl(), found.determineUsername(),
                                found.determinePassword()));
            }
        };
    }
}
