/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The protection docs/getting-started/spring-boot.md recommends for PlanB's endpoint and status page ({@code planbSecurity},
 * which the docs show word for word), with two users to try it: a viewer and an operator.
 */
@Configuration(proxyBeanMethods = false)
class EndpointSecurity {

    static final String VIEWER = "viewer";
    static final String OPERATOR = "operator";

    @Bean
    SecurityFilterChain planbSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/actuator/planb/**").hasRole("PLANB_OPERATOR")
                        .requestMatchers("/actuator/**", "/planb").hasAnyRole("PLANB_VIEWER", "PLANB_OPERATOR")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/actuator/**"))
                .build();
    }

    @Bean
    UserDetailsService kitUsers(Environment environment) {
        return new InMemoryUserDetailsManager(
                User.withUsername(VIEWER).password("{noop}" + environment.getRequiredProperty("kit.viewer-password"))
                        .roles("PLANB_VIEWER").build(),
                User.withUsername(OPERATOR).password("{noop}" + environment.getRequiredProperty("kit.operator-password"))
                        .roles("PLANB_OPERATOR").build());
    }
}
