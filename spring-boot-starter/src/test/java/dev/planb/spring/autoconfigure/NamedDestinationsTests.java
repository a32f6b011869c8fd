/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/** Destinations keyed by name, so one of their settings can be overridden alone, as from the command line. */
class NamedDestinationsTests {

    @TempDir
    Path backups;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlanBAutoConfiguration.class))
            .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
            .withPropertyValues("planb.preflight=false", "planb.schedule=1d");

    @Test
    void oneSettingOfANamedDestinationIsOverriddenFromTheCommandLineKeepingTheOthers() {
        runner.withPropertyValues("planb.destinations.offsite.uri=" + backups.resolve("offsite"),
                        "planb.destinations.offsite.retention.keep-last=10", "planb.destinations.offsite.retention.keep-within=2w")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SimpleCommandLinePropertySource("--planb.destinations.offsite.retention.keep-last=3")))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BackupPlan plan = context.getBean(PlanB.class).plans().get(0);
                    assertThat(plan.destinations()).singleElement()
                            .satisfies(destination -> assertThat(destination.description()).endsWith("/offsite"));
                    assertThat(plan.retention(plan.destinations().get(0))).get().hasToString("keep last 3, within 14d");
                });
    }

    @Test
    void listedAndNamedDestinationsAddUpInEveryPlan() {
        runner.withPropertyValues("planb.destinations[0].uri=" + backups.resolve("listed"),
                        "planb.destinations.named.uri=" + backups.resolve("named"),
                        "planb.plans.reports.database.url=jdbc:h2:mem:reports",
                        "planb.plans.reports.destinations.local.uri=" + backups.resolve("reports"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PlanB.class).plans()).satisfiesExactly(
                            app -> assertThat(app.destinations()).extracting(destination -> destination.description())
                                    .satisfiesExactly(listed -> assertThat(listed).endsWith("/listed"),
                                            named -> assertThat(named).endsWith("/named")),
                            reports -> assertThat(reports.destinations()).singleElement()
                                    .satisfies(local -> assertThat(local.description()).endsWith("/reports")));
                });
    }

    @Test
    void aBadNamedDestinationIsNamedAsWritten() {
        runner.withPropertyValues("planb.destinations[0].uri=" + backups, "planb.destinations.offsite.uri=gopher://host/x")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.destinations.offsite.uri"));
    }
}
