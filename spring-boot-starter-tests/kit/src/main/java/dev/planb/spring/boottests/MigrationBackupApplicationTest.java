/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.testing.PostgresObjects;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup before migrations in an application of the Spring Boot generation running the kit: real Flyway and
 * Liquibase migrations, run by that Boot's own auto-configuration at start-up, on a real PostgreSQL. The
 * application starts once with V1 and once more with V2 pending, which drops a table, a view and an index, adds a
 * column and moves a sequence on: a backup labelled {@code before V2…} was taken during that second start, and its
 * restore is the database as it was before the migration, object by object ({@link PostgresObjects}: the whole
 * schema, every table's rows, the sequences).
 */
public class MigrationBackupApplicationTest {

    @TempDir
    Path folder;

    /** The migration tools, each given the same SQL (kit/migrations/sql) and the other one turned off. */
    enum Tool {
        FLYWAY("V2__drop_legacy"),
        LIQUIBASE("2-drop-legacy");

        final String secondMigration;

        Tool(String secondMigration) {
            this.secondMigration = secondMigration;
        }

        /** The properties that give the application the migrations up to V{@code version}. */
        Map<String, String> migrationsUpTo(int version) {
            if (this == LIQUIBASE) {
                return Map.of("spring.flyway.enabled", "false",
                        "spring.liquibase.change-log", "classpath:kit/migrations/liquibase/v" + version + ".yaml");
            }
            return Map.of("spring.liquibase.enabled", "false", "spring.flyway.locations",
                    version == 1 ? "classpath:kit/migrations/sql/v1" : "classpath:kit/migrations/sql/v1,classpath:kit/migrations/sql/v2");
        }
    }

    @ParameterizedTest
    @EnumSource(Tool.class)
    void backsUpBeforeThePendingMigrationAndThatBackupRestoresTheDatabaseAsItWasBefore(Tool tool) throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource database = server.newDatabase();
        startAndStop(database, tool, 1);
        Jdbc.execute(database, "INSERT INTO customers VALUES (1, 'Ada', 'London'), (2, 'Grace', 'Arlington')",
                "INSERT INTO legacy_notes VALUES (10, 1, 'keep me'), (11, 2, 'me too')",
                "SELECT nextval('invoice_numbers')");
        PostgresObjects beforeTheMigration = PostgresObjects.read(server, database, List.of());
        Instant secondStart = Instant.now();

        startAndStop(database, tool, 2);

        assertThat(Jdbc.rows(database, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_name IN ('legacy_notes', 'customer_notes')")).as("V2 ran").containsExactly("0");
        List<Manifest> before = PlanB.catalog(backups()).backups("app").stream()
                .filter(backup -> ("before " + tool.secondMigration).equals(backup.label())).toList();
        assertThat(before).as("one backup labelled 'before %s'", tool.secondMigration).singleElement()
                .satisfies(backup -> assertThat(backup.startedAt()).isAfter(secondStart));
        DatabaseSource restored = server.newDatabase();
        PlanB.restore(RestoreRequest.builder().from(backups()).plan("app").backup(before.get(0).backupId())
                .target(restored).build());
        assertThat(PostgresObjects.read(server, restored, List.of())).isEqualTo(beforeTheMigration);
    }

    /** Starts the application with the migrations up to V{@code version} (it migrates at start-up) and stops it. */
    private void startAndStop(DatabaseSource database, Tool tool, int version) {
        Map<String, Object> properties = new LinkedHashMap<>(DataSourceProperties.of(database));
        properties.putAll(tool.migrationsUpTo(version));
        properties.put("spring.main.web-application-type", "none");
        properties.put("planb.destinations.local.uri", folder.resolve("backups").toString());
        properties.put("planb.schedule", "1d");
        properties.put("planb.preflight", "false");
        SpringApplication application = new SpringApplication(MigratingApplication.class);
        application.setDefaultProperties(properties);
        try (ConfigurableApplicationContext app = application.run()) {
            assertThat(app.isActive()).isTrue();
        }
    }

    private LocalDirectoryDestination backups() {
        return new LocalDirectoryDestination(folder.resolve("backups"));
    }
}
