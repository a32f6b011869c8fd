/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresCommandLineTest extends ServerDatabaseCommandLineTest {

    @Override
    DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }

    @Override
    DatabaseSource absentDatabase() {
        return PostgresServer.shared().database("t_copy_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    String user() {
        return PostgresServer.USER;
    }

    @Override
    String password() {
        return PostgresServer.shared().password();
    }

    @Override
    String binaryType() {
        return "BYTEA";
    }

    @Override
    String fillBigTable(int rows) {
        return "INSERT INTO big SELECT g, 'name ' || g, md5(g::text) FROM generate_series(1, " + rows + ") g";
    }

    @Override
    String dumpTool() {
        return "pg_dump";
    }

    @Override
    String unreachableUrl() {
        return "jdbc:postgresql://127.0.0.1:1/app";
    }

    @Test
    void tooOldPgDumpIsOneLineNamingWhatToInstall() throws Exception {
        Path tools = Files.createDirectories(dir.resolve("old-tools"));
        Path fake = tools.resolve("pg_dump");
        Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 11.22'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        DatabaseSource source = newDatabase();

        String line = assertFailsCleanly(Map.of("PLANB_TEST_DB_PASSWORD", password()), ErrorCode.NO_ENGINE,
                withCredentials("backup", "--db", source.jdbcUrl(), "--to", backups().toString(), "--plan", "app",
                        "--tools", tools.toString()));
        assertThat(line).contains("pg_dump 11.22", "older than the PostgreSQL 15 server", "postgresql-client-15");
    }
}
