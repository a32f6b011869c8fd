/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.hold.Holds;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Manifest;
import dev.planb.spring.autoconfigure.BackupPlanCustomizer;
import dev.planb.spring.autoconfigure.PlanBAutoConfiguration;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real Flyway and Liquibase migrations, run by Spring Boot's own start-up, on H2 and PostgreSQL: the backup
 * before them is taken only when migrations are pending, is labelled with them, and restores the schema
 * they changed; a failed backup stops them unless the user opted out.
 */
class MigrationBackupTests {

    @TempDir
    Path tmp;

    enum Tool {
        FLYWAY(FlywayAutoConfiguration.class, "V1__create_customers", "V2__drop_legacy"),
        LIQUIBASE(LiquibaseAutoConfiguration.class, "1-create-customers", "2-drop-legacy");

        final Class<?> autoConfiguration;
        final List<String> migrations;

        Tool(Class<?> autoConfiguration, String... migrations) {
            this.autoConfiguration = autoConfiguration;
            this.migrations = List.of(migrations);
        }

        /** The property that gives the migrations up to {@code version}. */
        String migrationsUpTo(int version) {
            if (this == LIQUIBASE) {
                return "spring.liquibase.change-log=classpath:migrations/liquibase/v" + version + ".yaml";
            }
            List<String> locations = new ArrayList<>();
            for (int v = 1; v <= version; v++) {
                locations.add("classpath:migrations/flyway/v" + v);
            }
            return "spring.flyway.locations=" + String.join(",", locations);
        }
    }

    static Stream<Arguments> databasesAndTools() {
        return Stream.of("h2", "postgresql").flatMap(database -> Stream.of(Tool.values())
                .map(tool -> Arguments.of(database, tool)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesAndTools")
    void backsUpOnlyBeforePendingMigrationsLabelledWithThemAndTheBackupHoldsTheSchemaBefore(String kind, Tool tool)
            throws SQLException {
        DatabaseSource database = newDatabase(kind, "app");
        String[] keepOneButHoldTwoDays = {"planb.destinations.local.retention.keep-last=1", "planb.migrations.keep-for=2d"};

        app(database, tool, 1).withPropertyValues(keepOneButHoldTwoDays).run(context -> assertThat(context).hasNotFailed());
        assertThat(labels()).containsExactly("before " + tool.migrations.get(0));
        execute(database, "INSERT INTO customers VALUES (1, 'Ada')", "INSERT INTO legacy_notes VALUES (1, 'keep me')",
                "INSERT INTO legacy_notes VALUES (2, 'me too')");

        app(database, tool, 2).withPropertyValues(keepOneButHoldTwoDays).run(context -> assertThat(context).hasNotFailed());
        assertThat(labels()).as("held, so retention (keep-last 1) kept both")
                .containsExactly("before " + tool.migrations.get(1), "before " + tool.migrations.get(0));
        Instant now = Instant.now();
        assertThat(new Holds(destination()).active("app", now)).hasSize(2).allSatisfy(hold -> {
            assertThat(hold.reason()).startsWith("before ");
            assertThat(hold.expiresAt()).isBetween(now.plus(Duration.ofDays(2)).minusSeconds(600),
                    now.plus(Duration.ofDays(2)));
        });
        assertThatThrownBy(() -> count(database, "legacy_notes")).isInstanceOf(SQLException.class);

        app(database, tool, 2).run(context -> assertThat(context).hasNotFailed());
        assertThat(labels()).as("nothing pending, no backup").hasSize(2);

        DatabaseSource restored = newDatabase(kind, "restored");
        PlanB.restore(RestoreRequest.builder().from(destination()).plan("app")
                .backup(PlanB.catalog(destination()).backups("app").get(0).backupId()).target(restored).build());
        assertThat(count(restored, "legacy_notes")).isEqualTo(2);
        assertThat(count(restored, "customers")).isEqualTo(1);
        assertThatThrownBy(() -> execute(restored, "SELECT email FROM customers")).isInstanceOf(SQLException.class);
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void aFailedBackupStopsTheMigrationsWithOneLineNamingTheCauseAndTheOptOut(Tool tool) throws SQLException {
        DatabaseSource database = newDatabase("h2", "app");

        app(database, tool, 1).withPropertyValues(unreadableBackupDatabase()).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            MigrationBackupFailedException cause = causeOf(failure);
            assertThat(cause.getMessage()).doesNotContain("\n")
                    .startsWith("PlanB could not back up plan 'app' before " + tool.migrations.get(0) + ", so the "
                            + (tool == Tool.FLYWAY ? "Flyway" : "Liquibase") + " migrations did not run: ")
                    .contains("missing")
                    .endsWith("(fix that, or set planb.migrations.fail-on-backup-error=false to migrate without this"
                            + " backup)");
            FailureAnalysis analysis = new MigrationBackupFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(cause.getMessage());
            assertThat(analysis.getAction()).contains("planb.migrations.fail-on-backup-error=false");
        });
        assertThatThrownBy(() -> count(database, "customers")).as("the migration did not run")
                .isInstanceOf(SQLException.class);
        assertThat(labels()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void withFailOnBackupErrorFalseAFailedBackupIsLoggedAndTheMigrationsRun(Tool tool) throws SQLException {
        DatabaseSource database = newDatabase("h2", "app");

        app(database, tool, 1).withPropertyValues(unreadableBackupDatabase())
                .withPropertyValues("planb.migrations.fail-on-backup-error=false")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(count(database, "customers")).isZero();
        assertThat(labels()).isEmpty();
    }

    @Test
    void backsUpThePlanNamedByPlanbMigrationsPlan() throws SQLException {
        DatabaseSource migrated = newDatabase("h2", "app");
        DatabaseSource reports = newDatabase("h2", "reports");
        execute(reports, "CREATE TABLE report (id INT PRIMARY KEY)");

        app(migrated, Tool.FLYWAY, 1).withPropertyValues("planb.migrations.plan=reports",
                "planb.plans.reports.database.url=" + reports.jdbcUrl(), "planb.plans.reports.database.username=sa",
                "planb.plans.reports.schedule=1d", "planb.plans.reports.destinations.local.uri=" + tmp.resolve("backups"))
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(PlanB.catalog(destination()).backups("reports")).singleElement().satisfies(backup -> {
            assertThat(backup.label()).isEqualTo("before V1__create_customers");
            assertThat(backup.tables()).extracting(table -> table.table().toLowerCase()).contains("report");
        });
        assertThat(PlanB.catalog(destination()).scan("app").backups()).isEmpty();
    }

    @Test
    void keepForMustBePositive() {
        app(newDatabase("h2", "app"), Tool.FLYWAY, 1).withPropertyValues("planb.migrations.keep-for=0s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("Invalid property planb.migrations.keep-for: is PT0S: use a positive duration, e.g."
                                + " 30d, to keep the backup taken before migrations that long"));
    }

    @Test
    void backupBeforeFalseTakesNoBackup() throws SQLException {
        DatabaseSource database = newDatabase("h2", "app");

        app(database, Tool.FLYWAY, 1).withPropertyValues("planb.migrations.backup-before=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(MigrationBackup.class)
                    .doesNotHaveBean(FlywayMigrationBackup.class);
        });

        assertThat(count(database, "customers")).isZero();
        assertThat(labels()).isEmpty();
    }

    private ApplicationContextRunner app(DatabaseSource database, Tool tool, int version) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, tool.autoConfiguration,
                        PlanBAutoConfiguration.class, MigrationBackupAutoConfiguration.class))
                .withUserConfiguration(NoCatchUp.class)
                .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                        "spring.datasource.username=" + database.userName().orElse(""),
                        "spring.datasource.password=" + database.passwordSecret().map(secret -> secret.reveal()).orElse(""),
                        tool.migrationsUpTo(version), "planb.preflight=false", "planb.schedule=1d",
                        "planb.destinations.local.uri=" + tmp.resolve("backups"));
    }

    /** The application's own DataSource works, the one PlanB is told to back up is missing. */
    private String unreadableBackupDatabase() {
        return "planb.database.url=jdbc:h2:file:" + tmp.resolve("missing") + ";IFEXISTS=TRUE";
    }

    /** Only the backups before migrations are taken: no catch-up run at start-up. */
    @Configuration(proxyBeanMethods = false)
    static class NoCatchUp {

        @Bean
        BackupPlanCustomizer noCatchUp() {
            return (name, plan) -> plan.schedule(Schedule.every(Duration.ofDays(1)).withoutCatchUp());
        }
    }

    private DatabaseSource newDatabase(String kind, String name) {
        return "h2".equals(kind) ? DatabaseSource.of("jdbc:h2:file:" + tmp.resolve(name), "sa", null)
                : PostgresServer.shared().newDatabase();
    }

    private LocalDirectoryDestination destination() {
        return new LocalDirectoryDestination(tmp.resolve("backups"));
    }

    /** The labels of the application's backups, newest first. */
    private List<String> labels() {
        return PlanB.catalog(destination()).scan().backups().stream().map(Manifest::label).toList();
    }

    private static MigrationBackupFailedException causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MigrationBackupFailedException found) {
                return found;
            }
        }
        throw new AssertionError("not caused by a failed backup before migrations", failure);
    }

    private static Connection connect(DatabaseSource database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.userName().orElse(""),
                database.passwordSecret().map(secret -> secret.reveal()).orElse(""));
    }

    private static void execute(DatabaseSource database, String... statements) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(DatabaseSource database, String table) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
