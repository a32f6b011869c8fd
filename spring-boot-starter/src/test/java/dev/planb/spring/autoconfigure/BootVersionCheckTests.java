/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** An application on a Spring Boot the starter was not built for stops at start-up, saying which it supports. */
class BootVersionCheckTests {

    private final StandardEnvironment environment = new StandardEnvironment();

    @ParameterizedTest
    @ValueSource(strings = {"3.4.12", "3.3.0", "2.7.18", "4.1.0", "5.0.0-M1"})
    void anotherBootStopsStartUpNamingTheSupportedRange(String version) {
        assertThatThrownBy(() -> BootVersionCheck.check(environment, version)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("supports Spring Boot 3.5.x and 4.0.x and this application runs Spring Boot " + version)
                .hasMessageContaining("planb.boot-compatibility-check=false")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.5.0", "3.5.7", "4.0.0", "4.0.7", "4.0.12-SNAPSHOT"})
    void boot35And40Pass(String version) {
        assertThatCode(() -> BootVersionCheck.check(environment, version)).doesNotThrowAnyException();
    }

    @Test
    void itCanBeTurnedOff() {
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("planb.boot-compatibility-check", "false")));
        assertThatCode(() -> BootVersionCheck.check(environment, "3.4.12")).doesNotThrowAnyException();
    }

    @Test
    void theCheckRunsForEverySpringApplicationAndPassesOnTheBootItWasBuiltFor() {
        assertThat(new SpringApplication(Object.class).getInitializers()).hasAtLeastOneElementOfType(BootVersionCheck.class);
        assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
        assertThatCode(() -> new BootVersionCheck().initialize(new GenericApplicationContext())).doesNotThrowAnyException();
    }
}
