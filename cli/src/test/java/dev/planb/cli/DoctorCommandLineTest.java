/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.testing.server.MariaDbServer;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planb doctor} as a user runs it, on real PostgreSQL and MariaDB servers: one line per finding, exit codes. */
class DoctorCommandLineTest {

    private static final String PASSWORD_VARIABLE = "PLANB_TEST_DB_PASSWORD";

    @TempDir
    Path dir;

    @Test
    void aTableTheUserMayNotReadIsABlockerLineWithItsGrantAndADistinctExitStatus() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource database = server.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        server.superuser(name, "CREATE TABLE secret (id int)");

        Cli.Result result = doctor(server.password(), "--db", database.jdbcUrl(), "--user", PostgresServer.USER,
                "--to", dir.resolve("backups").toString());

        assertThat(result.exitCode()).as(result.out()).isEqualTo(ErrorCode.PREFLIGHT_BLOCKED.exitCode()).isEqualTo(16);
        List<String> lines = result.out().strip().lines().toList();
        assertThat(lines.get(0)).startsWith("BLOCKER  privileges: permission denied for table public.secret: user "
                + PostgresServer.USER + " cannot read it").contains("run GRANT SELECT ON public.secret TO "
                + PostgresServer.USER);
        assertThat(lines).anyMatch(line -> line.startsWith("WARNING  destination: ")
                && line.contains("these credentials can delete your backups"));
        assertThat(lines).anyMatch(line -> line.startsWith("WARNING  owner: 1 object(s) are owned by role postgres"));
        assertThat(lines.get(lines.size() - 1)).startsWith("1 blocker, 2 warnings: a backup would fail");
        assertThat(result.out()).doesNotContain(server.password());
    }

    @Test
    void nothingBlockingExitsZeroWithTheWarningsOnTheirOwnLines() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource database = server.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        server.superuser(name, "CREATE TABLE shared (id int)", "GRANT SELECT ON shared TO " + PostgresServer.USER,
                "SET ROLE " + PostgresServer.USER, "CREATE SCHEMA app", "CREATE TABLE app.settings (value text)");

        Cli.Result result = doctor(server.password(), "--db", database.jdbcUrl(), "--user", PostgresServer.USER,
                "--exclude-schema", "app");

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("WARNING  owner: 1 object(s) are owned by role postgres (public.shared)")
                .contains("OK       privileges: role " + PostgresServer.USER + " may read every schema")
                .contains("OK       dump tool: pg_dump 15").contains("no blocker, 1 warning: nothing blocks a backup");
    }

    @Test
    void streamingChecksOfMariaDbNameTheServerSettingAndTheGrant() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource database = server.newDatabase();

        Cli.Result result = doctor(server.password(), "--db", database.jdbcUrl(), "--user", MariaDbServer.USER, "--stream");

        assertThat(result.exitCode()).as(result.out()).isEqualTo(16);
        assertThat(result.out()).contains("BLOCKER  streaming: binary logging is off")
                .contains("BLOCKER  streaming: user '" + MariaDbServer.USER + "'@'127.0.0.1' may not read the binary log:"
                        + " GRANT REPLICATION SLAVE ON *.* TO '" + MariaDbServer.USER + "'@'127.0.0.1'");
    }

    @Test
    void configCheckDoctorChecksStreamingForAPlanThatStreams() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource database = server.newDatabase();
        Path password = Files.writeString(dir.resolve("pw"), server.password() + "\n");
        Path config = Files.writeString(dir.resolve("planb.yml"), """
                plans:
                  shop:
                    database: { url: "%s", username: %s, password-file: %s }
                    destinations: [ { uri: "%s" } ]
                    streaming: { enabled: true }
                """.formatted(database.jdbcUrl(), MariaDbServer.USER, password, dir.resolve("backups")));

        Cli.Result result = Cli.run("config", "check", "--doctor", config.toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(ErrorCode.PREFLIGHT_BLOCKED.exitCode());
        assertThat(result.out()).contains("# doctor, plan 'shop':", "BLOCKER  streaming: binary logging is off");
    }

    private Cli.Result doctor(String password, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("doctor", "--password-env", PASSWORD_VARIABLE));
        all.addAll(List.of(args));
        return PlanBProcess.run(dir, List.of(), Map.of(PASSWORD_VARIABLE, password), all.toArray(String[]::new));
    }
}
