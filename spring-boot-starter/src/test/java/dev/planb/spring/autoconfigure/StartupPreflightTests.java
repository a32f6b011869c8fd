/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.PreflightReport;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class StartupPreflightTests {

    @TempDir
    Path tmp;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlanBAutoConfiguration.class))
            .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class);

    @Test
    void everyPlanIsCheckedAtStartUpAndAnUnwritableDestinationIsABlocker() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        runner.withPropertyValues("planb.destinations[0].uri=file:" + tmp.resolve("backups"),
                "planb.destinations[1].uri=file:" + file.resolve("backups"))
                .run(context -> {
                    Map<String, PreflightReport> reports = context.getBean(StartupPreflight.class).reports()
                            .get(30, TimeUnit.SECONDS);
                    PreflightReport report = reports.get("app");
                    assertThat(report.blocksBackup()).isTrue();
                    assertThat(report.blockers()).singleElement().satisfies(finding -> {
                        assertThat(finding.check()).isEqualTo("destination");
                        assertThat(finding.message()).contains("cannot be written");
                    });
                    assertThat(report.findings()).anyMatch(finding -> finding.severity() == Severity.OK
                            && finding.check().equals("database"));
                });
    }

    @Test
    void aStreamingPlanIsCheckedForStreamingToo() throws Exception {
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of("jdbc:h2:mem:streaming"))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups"))).schedule(Schedule.cron("0 0 2 1 1 *"))
                .build();
        try (PlanB planB = PlanB.builder().plan(plan).start()) {
            StartupPreflight preflight = new StartupPreflight(planB, Set.of("app"));
            preflight.afterSingletonsInstantiated();

            PreflightReport report = preflight.reports().get(30, TimeUnit.SECONDS).get("app");

            assertThat(report.blockers()).singleElement().satisfies(finding -> {
                assertThat(finding.check()).isEqualTo("streaming");
                assertThat(finding.message()).contains("h2 engine has no point-in-time recovery");
            });
        }
    }

    @Test
    void isOffWithPreflightFalse() {
        runner.withPropertyValues("planb.destinations[0].uri=file:" + tmp.resolve("backups"), "planb.preflight=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StartupPreflight.class));
    }
}
