/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.mariadb.MariaDbEngine;
import dev.planb.engine.mariadb.MariaDbOptions;
import dev.planb.spi.DatabaseEngine;
import dev.planb.testing.server.MariaDbServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbEngineContractTest extends AbstractDatabaseEngineContractTest
        implements CredentialsContract, ExternalToolContract {

    @TempDir
    Path folder;

    @Override
    public DatabaseEngine engine() {
        return new MariaDbEngine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    protected DatabaseSource unreadableDatabase() {
        return DatabaseSource.of("jdbc:mariadb://127.0.0.1:1/nothing", MariaDbServer.USER, Secret.of("x"));
    }

    @Override
    protected String binaryType() {
        return "LONGBLOB";
    }

    @Override
    public DatabaseEngine engineWithoutTools() {
        return new MariaDbEngine(new MariaDbOptions(folder));
    }

    @Override
    public DatabaseSource readableDatabase() {
        return newDatabase();
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() {
        DatabaseSource database = MariaDbServer.shared().newDatabase();
        return DatabaseSource.of(database.jdbcUrl(), MariaDbServer.USER, Secret.of(WRONG_PASSWORD));
    }

    @Test
    void theDatabasesDefaultCharacterSetAndCollationComeBackIntoANewOrAnExistingDatabase() throws Exception {
        DatabaseSource source = newDatabase();
        execute(source, "ALTER DATABASE CHARACTER SET latin2 COLLATE latin2_czech_cs",
                "CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(20))", "INSERT INTO notes VALUES (1, 'Žluťoučký')",
                "CREATE PROCEDURE count_notes() SELECT COUNT(*) FROM notes");
        byte[] dump = dumpOf(source);
        DatabaseSource absent = MariaDbServer.shared().database("t_cs_" + UUID.randomUUID().toString().substring(0, 8));
        DatabaseSource existing = newDatabase();

        restore(dump, absent, false);
        restore(dump, existing, false);

        for (DatabaseSource copy : List.of(absent, existing)) {
            assertThat(databaseDefaults(copy)).isEqualTo(List.of("latin2", "latin2_czech_cs"));
            assertThat(firstValue(copy, "SELECT DATABASE_COLLATION FROM information_schema.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = DATABASE()")).isEqualTo("latin2_czech_cs");
            execute(copy, "CREATE TABLE created_later (id INTEGER PRIMARY KEY, body VARCHAR(20))");
            assertThat(firstValue(copy, "SELECT TABLE_COLLATION FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'created_later'")).isEqualTo("latin2_czech_cs");
            assertThat(rows(copy, "notes")).isEqualTo(rows(source, "notes"));
        }
    }

    private List<String> databaseDefaults(DatabaseSource source) throws Exception {
        return List.of(firstValue(source, "SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME = DATABASE()"), firstValue(source, "SELECT DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"));
    }

    private String firstValue(DatabaseSource source, String query) throws Exception {
        try (Connection connection = connect(source); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            assertThat(row.next()).as(query).isTrue();
            return row.getString(1);
        }
    }

    @Test
    void mysqlUrlsReachTheSameServer() throws Exception {
        DatabaseSource source = populatedDatabase();
        DatabaseSource mysql = DatabaseSource.of(source.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:"),
                source.user(), source.password());
        DatabaseSource copy = MariaDbServer.shared().newDatabase();
        DatabaseSource mysqlCopy = DatabaseSource.of(copy.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:"),
                copy.user(), copy.password());

        restore(dumpOf(mysql), mysqlCopy, false);

        assertThat(engine().tableCounts(mysqlCopy)).isEqualTo(engine().tableCounts(source));
    }

    @Test
    void mysqlsClientGetsTheDumpWithoutTheSandboxLine() throws Exception {
        Path tools = Files.createDirectories(folder.resolve("mysql-tools"));
        Path client = tools.resolve("mysql");
        // A stand-in for MySQL's client: it fails on the sandbox line, as the real one does, else runs mariadb.
        Files.writeString(client, """
                #!/bin/sh
                if [ "$1" = "--version" ]; then echo 'mysql  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)'; exit 0; fi
                IFS= read -r first
                case "$first" in '/*M!999999'*) echo "ERROR at line 1: Unknown command '\\-'." >&2; exit 1;; esac
                { printf '%s\n' "$first"; cat; } | /usr/bin/mariadb "$@"
                """);
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwxr-xr-x"));
        DatabaseSource source = populatedDatabase();
        byte[] dump = dumpOf(source);
        assertThat(new String(dump, 0, 40, StandardCharsets.US_ASCII)).startsWith("/*M!999999\\- enable the sandbox mode */");
        DatabaseSource copy = newDatabase();

        new MariaDbEngine(new MariaDbOptions(tools)).restore(new ByteArrayInputStream(dump), copy);

        assertThat(engine().tableCounts(copy)).isEqualTo(engine().tableCounts(source));
    }
}
