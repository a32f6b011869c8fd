/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import com.zaxxer.hikari.HikariDataSource;
import dev.planb.spring.autoconfigure.PlanBDataSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The application the kit's tests start: a web application with Actuator and one DataSource from
 * {@code spring.datasource.*}, or, when {@code kit.orders.url} is set, two DataSources of its own (an H2
 * one, {@code @Primary}, and the orders database, {@code @PlanBDataSource}), as multi-database applications have.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class StarterTestApplication {

    /** Two DataSources; PlanB must back up the {@code @PlanBDataSource} one although the other is {@code @Primary}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("kit.orders.url")
    static class TwoDataSources {

        @Bean
        @Primary
        HikariDataSource sessionsDataSource() {
            return pool("jdbc:h2:mem:sessions;DB_CLOSE_DELAY=-1", "sa", "");
        }

        @Bean
        @PlanBDataSource
        HikariDataSource ordersDataSource(Environment environment) {
            return pool(environment.getRequiredProperty("kit.orders.url"),
                    environment.getRequiredProperty("kit.orders.username"),
                    environment.getRequiredProperty("kit.orders.password"));
        }

        private static HikariDataSource pool(String url, String user, String password) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(url);
            pool.setUsername(user);
            pool.setPassword(password);
            pool.setMaximumPoolSize(2);
            return pool;
        }
    }
}
