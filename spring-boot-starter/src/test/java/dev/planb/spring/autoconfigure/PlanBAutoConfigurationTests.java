/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Manifest;
import dev.planb.storage.s3.S3Destination;
import dev.planb.storage.sftp.SftpDestination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

class PlanBAutoConfigurationTests {

    @TempDir
    Path backups;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PlanBAutoConfiguration.class));

    @Test
    void backsOffWithoutADataSource() {
        runner.withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PlanB.class));
    }

    @Test
    void isOffWhenDisabled() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.enabled=false", "planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PlanB.class));
    }

    @Test
    void backsUpTheApplicationsDataSourceToTheOneDestination() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=file:" + backups, "planb.schedule=1d",
                        "planb.destinations[0].retention.keep-last=3", "planb.max-age=26h")
                .run(context -> {
                    PlanB planB = context.getBean(PlanB.class);
                    BackupPlan plan = planB.plans().get(0);
                    assertThat(plan.name()).isEqualTo("app");
                    assertThat(plan.database().jdbcUrl()).startsWith("jdbc:h2:mem:");
                    assertThat(plan.maxAge()).contains(Duration.ofHours(26));
                    assertThat(plan.retention(plan.destinations().get(0))).isPresent();
                    assertThat(planB.backupNow("app")).isTrue();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !PlanB.catalog(
                            new LocalDirectoryDestination(backups)).backups("app").isEmpty());
                    Manifest manifest = PlanB.catalog(new LocalDirectoryDestination(backups)).backups("app").get(0);
                    assertThat(manifest.totalRows()).isEqualTo(2);
                });
    }

    @Test
    void durationPropertiesReadWeeksAndDaysWithHours() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.schedule=1d12h", "planb.timeout=90m",
                        "planb.max-age=2w", "planb.destinations[0].retention.keep-within=1d12h", "planb.verification.every=1w")
                .run(context -> {
                    BackupPlan plan = context.getBean(PlanB.class).plans().get(0);
                    assertThat(plan.schedule().orElseThrow().period()).isEqualTo(Duration.ofHours(36));
                    assertThat(plan.timeout()).isEqualTo(Duration.ofMinutes(90));
                    assertThat(plan.maxAge()).contains(Duration.ofDays(14));
                    assertThat(plan.retention(plan.destinations().get(0)).orElseThrow()).hasToString("keep within 1d 12h");
                    assertThat(plan.verification().orElseThrow().interval()).isEqualTo(Duration.ofDays(7));
                });
    }

    @Test
    void aBadDurationNamesThePropertyAndTheGrammar() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.max-age=soon")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Failed to bind properties under 'planb.max-age'").rootCause()
                        .hasMessageContaining("'soon' is not a duration: use e.g. 7d, 36h, 2w, 1d12h"));
    }

    @Test
    void anotherPlanHasItsOwnDatabaseWithThePasswordFromAFile() throws Exception {
        String url = "jdbc:h2:mem:reports-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = java.sql.DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create user reporter password 'r3ports' admin");
        }
        Path password = Files.writeString(backups.resolve("reports-password"), "r3ports\n");
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups,
                        "planb.plans.reports.database.url=" + url, "planb.plans.reports.database.username=reporter",
                        "planb.plans.reports.database.password-file=" + password,
                        "planb.plans.reports.schedule=1d", "planb.plans.reports.destinations[0].uri=" + backups)
                .run(context -> {
                    PlanB planB = context.getBean(PlanB.class);
                    assertThat(planB.plans()).extracting(BackupPlan::name).containsExactly("app", "reports");
                    assertThat(planB.plans().get(1).database().jdbcUrl()).isEqualTo(url);
                    assertThat(planB.backupNow("reports")).isTrue();
                    await().atMost(Duration.ofSeconds(30)).until(() -> !PlanB.catalog(
                            new LocalDirectoryDestination(backups)).backups("reports").isEmpty());
                });
    }

    @Test
    void aPlanWithTwoFormsOfOneSecretNamesTheProperty() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups,
                        "planb.notifiers.slack-url=https://hooks.slack.com/services/T0K3N", "planb.notifiers.slack-url-env=SLACK")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.notifiers.slack-url: set only one of")
                        .hasMessageNotContaining("T0K3N"));
    }

    @Test
    void aUsersOwnPlanBWins() {
        runner.withUserConfiguration(OneDatabase.class, OwnPlanB.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasSingleBean(PlanB.class)
                        .getBean(PlanB.class).extracting(planB -> planB.plans().get(0).name()).isEqualTo("own"));
    }

    @Test
    void backsUpThePrimaryDataSource() {
        runner.withUserConfiguration(TwoDatabases.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context.getBean(PlanB.class).plans().get(0).database().jdbcUrl())
                        .contains("primary"));
    }

    @Test
    void backsUpThePlanBDataSourceRatherThanThePrimaryOne() {
        runner.withUserConfiguration(TwoDatabases.class, MarkedDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context.getBean(PlanB.class).plans().get(0).database().jdbcUrl())
                        .contains("marked"));
    }

    @Test
    void twoPlanBDataSourcesFailAskingForOne() {
        runner.withUserConfiguration(MarkedDatabase.class, OtherMarkedDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("2 DataSource beans marked @PlanBDataSource"));
    }

    @Test
    void customizersAdjustThePlan() {
        runner.withUserConfiguration(OneDatabase.class)
                .withBean(BackupPlanCustomizer.class, () -> (name, plan) -> plan.timeout(Duration.ofMinutes(7)))
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context.getBean(PlanB.class).plans().get(0).timeout())
                        .isEqualTo(Duration.ofMinutes(7)));
    }

    @Test
    void aMissingDestinationFailsNamingTheProperty() {
        runner.withUserConfiguration(OneDatabase.class)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("planb.destinations[0].uri"));
    }

    @Test
    void aBadScheduleFailsNamingTheProperty() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.schedule=every tuesday")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.schedule"));
    }

    @Test
    void aBadRetentionFailsNamingTheProperty() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.destinations[0].retention.keep-last=-1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.destinations[0].retention"));
    }

    @Test
    void anUnknownCompressionFailsNamingTheProperty() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups, "planb.compression=rar")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.compression").hasMessageContaining("zstd"));
    }

    @Test
    void sftpAndS3AreWiredWhenTheirModulesArePresent() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasBean("planbSftpDestinations").hasBean("planbS3Destinations"));
    }

    @Test
    void sftpAndS3AreNotWiredWithoutTheirModules() {
        runner.withUserConfiguration(OneDatabase.class)
                .withClassLoader(new FilteredClassLoader(SftpDestination.class, S3Destination.class))
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasSingleBean(PlanB.class)
                        .doesNotHaveBean("planbSftpDestinations").doesNotHaveBean("planbS3Destinations"));
    }

    @Test
    void anSftpUriWithoutTheModuleNamesTheArtifact() {
        runner.withUserConfiguration(OneDatabase.class)
                .withClassLoader(new FilteredClassLoader(SftpDestination.class))
                .withPropertyValues("planb.destinations[0].uri=sftp://backup@127.0.0.1/backups")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("planb.destinations[0].uri")
                        .hasMessageContaining("dev.planb:planb-storage-sftp"));
    }

    @Test
    void ftpRcloneAndAzureUrisAreParsedByTheirModules() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=" + backups)
                .run(context -> assertThat(context).hasBean("planbFtpDestinations").hasBean("planbFtpsDestinations")
                        .hasBean("planbRcloneDestinations").hasBean("planbAzureBlobDestinations"));
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=ftps://backup:secret@127.0.0.1/backups")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("never put one in the URI").hasMessageNotContaining("secret@"));
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=rclone://gdrive:backups?bogus=1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("unknown parameter 'bogus'"));
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=azblob://acct/backups?sig=SECRETSIG")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("never put one in the URI").hasMessageNotContaining("SECRETSIG"));
    }

    @Test
    void anS3UriIsParsedByTheS3Module() {
        runner.withUserConfiguration(OneDatabase.class)
                .withPropertyValues("planb.destinations[0].uri=s3://bucket/prefix?bogus=1")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("Invalid property planb.destinations[0].uri").hasMessageContaining("bogus"));
    }

    static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table orders(id int primary key, item varchar(20))");
            statement.execute("insert into orders values (1, 'apple'), (2, 'pear')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dataSource;
    }

    @Configuration(proxyBeanMethods = false)
    static class OneDatabase {
        @Bean
        DataSource dataSource() {
            return h2("app");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDatabases {
        @Bean
        @Primary
        DataSource primaryDataSource() {
            return h2("primary");
        }

        @Bean
        DataSource otherDataSource() {
            return h2("other");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MarkedDatabase {
        @Bean
        @PlanBDataSource
        DataSource markedDataSource() {
            return h2("marked");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherMarkedDatabase {
        @Bean
        @PlanBDataSource
        DataSource otherMarkedDataSource() {
            return h2("marked-too");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPlanB {
        @Bean(destroyMethod = "close")
        PlanB ownPlanB(DataSource dataSource) throws Exception {
            Path folder = Files.createTempDirectory("planb-own");
            try (Connection connection = dataSource.getConnection()) {
                return PlanB.builder().plan(BackupPlan.builder("own")
                        .database(dev.planb.DatabaseSource.of(connection.getMetaData().getURL()))
                        .destination(new LocalDirectoryDestination(folder))
                        .schedule(Schedule.every(Duration.ofDays(1)).withoutCatchUp()).build()).start();
            }
        }
    }
}
