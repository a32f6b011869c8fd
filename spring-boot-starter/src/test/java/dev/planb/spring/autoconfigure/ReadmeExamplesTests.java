/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.io.PathResource;

/** The Spring Boot page's copy-paste application.properties and application.yml, loaded as Spring Boot loads them. */
class ReadmeExamplesTests {

    private static final Path PAGE = Path.of("..", "docs", "getting-started", "spring-boot.md");

    @ParameterizedTest
    @CsvSource({"properties, application.properties", "yaml, application.yml"})
    void theStarterExamplesWorkAsPasted(String language, String fileName, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(fileName), block(language));
        PropertySourceLoader loader = language.equals("yaml") ? new YamlPropertySourceLoader()
                : new PropertiesPropertySourceLoader();
        List<PropertySource<?>> loaded = loader.load(fileName, new PathResource(file));
        assertThat(loaded).singleElement().satisfies(source -> {
            assertThat(source.getProperty("planb.destinations.local.uri")).hasToString("file:./backups");
            assertThat(source.getProperty("planb.schedule")).hasToString("0 0 2 * * *");
        });

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlanBAutoConfiguration.class))
                .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
                .withInitializer(context -> {
                    var sources = context.getEnvironment().getPropertySources();
                    sources.addLast(loaded.get(0));
                    // the test's own folder, overriding one setting as a command line would
                    sources.addFirst(new SimpleCommandLinePropertySource(
                            "--planb.destinations.local.uri=" + dir.resolve("backups"), "--planb.preflight=false"));
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BackupPlan plan = context.getBean(PlanB.class).plans().get(0);
                    assertThat(plan.destinations()).singleElement()
                            .satisfies(destination -> assertThat(plan.retention(destination)).get()
                                    .hasToString("keep daily 7, weekly 4"));
                    assertThat(plan.maxAge()).contains(Duration.ofHours(26));
                    assertThat(context.getBean(PlanBProperties.class).getShutdownGrace())
                            .isEqualTo(Duration.ofSeconds(30));
                    var environment = context.getEnvironment();
                    assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                            .isEqualTo("health,planb");
                    assertThat(environment.getProperty("management.endpoint.health.show-details"))
                            .isEqualTo("when-authorized");
                });
    }

    /** The first {@code language} block of the page's examples section, as written there. */
    private static String block(String language) throws IOException {
        String page = Files.readString(PAGE);
        int at = page.indexOf("## application.properties and application.yml");
        assertThat(at).as(PAGE + " has its examples section").isNotNegative();
        String fence = "```" + language + "\n";
        int start = page.indexOf(fence, at) + fence.length();
        return page.substring(start, page.indexOf("```", start));
    }
}
