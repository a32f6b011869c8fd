/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

/** {@link BootDataSourceLogins} of Spring Boot 3 ({@code org.springframework.boot.autoconfigure.jdbc}). */
@AutoConfiguration(before = PlanBAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails")
class Boot3DataSourceLogins {

    @Bean
    BootDataSourceLogins planbBootDataSourceLogins(ObjectProvider<JdbcConnectionDetails> details,
            ObjectProvider<DataSourceProperties> properties) {
        return new ProvidedDataSourceLogins<>(details,
                found -> new JdbcLogin(found.getJdbcUrl(), found.getUsername(), found.getPassword()), properties,
                found -> found.getUrl() != null,
                found -> new JdbcLogin(found.determineUrl(), found.determineUsername(), found.determinePassword()));
    }
}
