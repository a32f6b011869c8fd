/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.testing.server.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore a person does without PlanB: the commands of a PostgreSQL or MariaDB backup's
 * RESTORE.md, run with the stock tools, with its placeholders (HOST, USER, NEWDB) filled in.
 */
class ServerManualRestoreTest {

    @TempDir
    Path dir;

    @Test
    void postgresRestoreGuideWorksWithStockTools() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource source = populated(server.newDatabase());
        String copy = "t_manual_" + UUID.randomUUID().toString().substring(0, 8);

        String script = guide(source).replace("-h HOST", "-h 127.0.0.1 -p " + server.port())
                .replace("-U USER", "-U " + PostgresServer.USER).replace("NEWDB", copy);
        run(script, Map.of("PGPASSWORD", server.password()));

        assertThat(new PostgresEngine().tableCounts(server.database(copy)))
                .isEqualTo(new PostgresEngine().tableCounts(source));
    }

    @Test
    void mariaDbRestoreGuideWorksWithStockTools() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource source = populated(server.newDatabase());
        String copy = "t_manual_" + UUID.randomUUID().toString().substring(0, 8);

        String script = guide(source).replace("-h HOST", "-h 127.0.0.1 -P " + server.port())
                .replace("-u USER -p", "-u " + MariaDbServer.USER).replace("newdb", copy);
        run(script, Map.of("MYSQL_PWD", server.password()));

        assertThat(new MariaDbEngine().tableCounts(server.database(copy)))
                .isEqualTo(new MariaDbEngine().tableCounts(source));
    }

    @Test
    void aRestoreUserWithoutSuperFollowsTheGuidesDefinerVariant() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource source = populated(server.newDatabase());
        DatabaseSource admin = server.asAdmin(source.jdbcUrl().replaceAll(".*/", ""));
        String owner = server.appOwner();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DEFINER=" + owner + " SQL SECURITY DEFINER VIEW note_bodies AS"
                    + " SELECT body FROM notes");
            statement.execute("CREATE DEFINER=" + owner + " TRIGGER notes_upper BEFORE INSERT ON notes"
                    + " FOR EACH ROW SET NEW.body = UPPER(NEW.body)");
        }
        String copy = "t_manual_" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseSource restoreUser = server.newUser("manual_" + copy.substring(9), copy, "ALL ON `" + copy + "`.*");

        String script = guide(source).lines().filter(line -> !line.endsWith("newdb < database.sql"))
                .collect(Collectors.joining("\n"))
                .replace("-h HOST", "-h 127.0.0.1 -P " + server.port())
                .replace("-u USER -p", "-u " + restoreUser.user()).replace("newdb", copy);
        run(script, Map.of("MYSQL_PWD", restoreUser.password().reveal()));

        assertThat(new MariaDbEngine().tableCounts(server.database(copy)))
                .isEqualTo(new MariaDbEngine().tableCounts(source));
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(copy), restoreUser.user(),
                restoreUser.password().reveal()); Statement statement = connection.createStatement();
                ResultSet definers = statement.executeQuery("SELECT DEFINER FROM information_schema.VIEWS"
                        + " WHERE TABLE_SCHEMA = DATABASE() UNION SELECT DEFINER FROM information_schema.TRIGGERS"
                        + " WHERE TRIGGER_SCHEMA = DATABASE()")) {
            assertThat(definers.next()).isTrue();
            assertThat(definers.getString(1)).isEqualTo(restoreUser.user() + "@127.0.0.1");
            assertThat(definers.next()).as("one definer for the view and the trigger").isFalse();
        }
    }

    /** Backs the database up and returns the shell commands of its RESTORE.md's "By hand" section. */
    private String guide(DatabaseSource source) throws Exception {
        Path backups = dir.resolve("backups");
        BackupResult backup = PlanB.backup(BackupPlan.builder("app").database(source)
                .destination(new LocalDirectoryDestination(backups)).build());
        Path folder = backups.resolve("app").resolve(backup.id().value());
        String commands = String.join("\n", ManualRestoreTest.shellCommands(Files.readString(folder.resolve("RESTORE.md"))));
        return "set -e\ncd '" + folder + "'\n" + commands;
    }

    private static void run(String script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(script + "\n" + output).isZero();
        assertThat(output).contains(": OK");
    }

    private static DatabaseSource populated(DatabaseSource source) throws Exception {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(),
                source.password().reveal()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'Zoë 東京'), (2, 'it''s'), (3, NULL)");
        }
        return source;
    }
}
