/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.testing.server.MariaDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MariaDbCommandLineTest extends ServerDatabaseCommandLineTest {

    @Test
    void definersCurrentUserLetsAUserWithoutSuperRestoreAndDrillViewsAndTriggersOfAnotherAccount() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource source = newDatabase();
        String owner = server.appOwner();
        DatabaseSource admin = server.asAdmin(source.jdbcUrl().replaceAll(".*/", ""));
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(100))");
            statement.execute("INSERT INTO notes VALUES (1, 'first')");
            statement.execute("CREATE DEFINER=" + owner + " VIEW note_bodies AS SELECT body FROM notes");
            statement.execute("CREATE DEFINER=" + owner + " TRIGGER notes_upper BEFORE INSERT ON notes"
                    + " FOR EACH ROW SET NEW.body = UPPER(NEW.body)");
        }
        // In this JVM, for speed: the credentials ride in the URLs (the process tests cover --password-env).
        String credentials = "?user=" + user() + "&password=" + password();
        Cli.Result backup = Cli.run("backup", "--db", source.jdbcUrl() + credentials, "--to", backups().toString(),
                "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        DatabaseSource copy = absentDatabase();

        Cli.Result refused = Cli.run("restore", "--from", backups().toString(), "--to-db", copy.jdbcUrl() + credentials);
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ErrorCode.RESTORE_FAILED.exitCode());
        assertThat(refused.err().strip()).doesNotContain("\n").contains("lacks SUPER or SET USER",
                "--definers current-user");
        Cli.Result restored = Cli.run("restore", "--from", backups().toString(), "--to-db", copy.jdbcUrl() + credentials,
                "--definers", "current-user");
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(count(copy, "note_bodies")).isEqualTo(1);
        Cli.Result drill = Cli.run("verify", "--from", backups().toString(), "--restore-to", source.jdbcUrl() + credentials,
                "--definers", "current-user");
        assertThat(drill.exitCode()).as(drill.err()).isZero();
        assertThat(drill.out()).contains("restore OK");
    }

    @Override
    DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    DatabaseSource absentDatabase() {
        return MariaDbServer.shared().database("t_copy_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    String user() {
        return MariaDbServer.USER;
    }

    @Override
    String password() {
        return MariaDbServer.shared().password();
    }

    @Override
    String binaryType() {
        return "LONGBLOB";
    }

    @Override
    String fillBigTable(int rows) {
        return "INSERT INTO big SELECT seq, CONCAT('name ', seq), MD5(seq) FROM seq_1_to_" + rows;
    }

    @Override
    String dumpTool() {
        return "mariadb-dump";
    }

    @Override
    String unreachableUrl() {
        return "jdbc:mariadb://127.0.0.1:1/app";
    }
}
