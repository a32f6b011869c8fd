/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.testing.server.MariaDbServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The application's MariaDB/MySQL database, reached through Boot's own DataSource with either driver,
 * is backed up with the login the application uses (or the one {@code planb.database.*} gives).
 */
class ApplicationDatabaseTests {

    private static final MariaDbServer MARIADB = MariaDbServer.shared();

    @TempDir
    Path backups;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, Boot4DataSourceLogins.class, PlanBAutoConfiguration.class));

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void theApplicationsLoginIsUsedWhicheverDriverTheApplicationHas(String scheme) throws SQLException {
        DatabaseSource database = databaseWithTwoOrders();
        runner.withPropertyValues(app(scheme, database))
                .withPropertyValues("spring.datasource.username=" + MariaDbServer.USER,
                        "spring.datasource.password=" + MARIADB.password())
                .run(context -> {
                    BackupPlan plan = context.getBean(PlanB.class).plans().get(0);
                    assertThat(plan.database().userName()).contains(MariaDbServer.USER);
                    assertThat(plan.database().jdbcUrl()).isEqualTo(database.jdbcUrl().replace("jdbc:mariadb:", scheme));
                    assertBacksUpTwoRows(context);
                });
    }

    @Test
    void planbDatabaseUsernameAndPasswordOverrideTheApplicationsWithPlaceholders() throws SQLException {
        DatabaseSource database = databaseWithTwoOrders();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        DatabaseSource backupUser = MARIADB.newUser("bk_" + name.substring(2), name,
                "SELECT, SHOW VIEW, TRIGGER, LOCK TABLES, EVENT ON `" + name + "`.*");
        runner.withPropertyValues(app("jdbc:mariadb:", database))
                .withPropertyValues("spring.datasource.username=" + MariaDbServer.USER,
                        "spring.datasource.password=" + MARIADB.password(),
                        "BACKUP_USER=" + backupUser.userName().orElseThrow(),
                        "BACKUP_PASSWORD=" + backupUser.passwordSecret().orElseThrow().reveal(),
                        "planb.database.username=${BACKUP_USER}", "planb.database.password=${BACKUP_PASSWORD}")
                .run(context -> {
                    BackupPlan plan = context.getBean(PlanB.class).plans().get(0);
                    assertThat(plan.database().userName()).isEqualTo(backupUser.userName());
                    assertBacksUpTwoRows(context);
                });
    }

    private String[] app(String scheme, DatabaseSource database) {
        return new String[] {"spring.datasource.url=" + database.jdbcUrl().replace("jdbc:mariadb:", scheme),
            "planb.preflight=false", "planb.schedule=1d", "planb.destinations[0].uri=" + backups};
    }

    private void assertBacksUpTwoRows(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        assertThat(context.getBean(PlanB.class).backupNow("app")).isTrue();
        LocalDirectoryDestination destination = new LocalDirectoryDestination(backups);
        await().atMost(Duration.ofSeconds(60)).until(() -> !PlanB.catalog(destination).backups("app").isEmpty());
        List<Manifest> made = PlanB.catalog(destination).backups("app");
        assertThat(made.get(0).totalRows()).isEqualTo(2);
    }

    private static DatabaseSource databaseWithTwoOrders() throws SQLException {
        DatabaseSource database = MARIADB.newDatabase();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), MariaDbServer.USER, MARIADB.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table orders(id int primary key, item varchar(20))");
            statement.execute("insert into orders values (1, 'apple'), (2, 'pear')");
        }
        return database;
    }
}
