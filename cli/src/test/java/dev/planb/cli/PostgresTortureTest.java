/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static dev.planb.cli.PostgresOptionCombinationsTest.name;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.testing.PostgresObjects;
import dev.planb.testing.server.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PlanB's own PostgreSQL torture corpus ({@code corpus/postgres-torture.sql}: schemas with names that need
 * quoting, a NOLOGIN owner, contrib extensions, large objects with comments, MiBs of bytea, partitions,
 * row-level security, materialized views with and without data, odd sequences, generated columns, -0, emoji)
 * backed up and restored as a superuser, and as the least-privileged users whose SQL docs/engines/postgresql.md
 * gives (run here as written there), then compared with the source object by object. The one documented difference: with
 * {@code --no-owner} the restoring user owns every object.
 */
class PostgresTortureTest {

    private static final PostgresServer SERVER = PostgresServer.shared();
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static DatabaseSource source;
    private static PostgresObjects original;

    @TempDir
    Path dir;

    @BeforeAll
    static void corpus() throws Exception {
        String database = "My-App_" + UUID.randomUUID().toString().substring(0, 6);
        SERVER.superuser("postgres", "CREATE ROLE planb_torture_owner NOLOGIN", "CREATE ROLE planb_torture_reader NOLOGIN",
                "CREATE DATABASE \"" + database + "\" OWNER " + PostgresServer.USER);
        source = SERVER.database(database);
        DatabaseSource superuser = SERVER.superuserSource(database);
        // Simple query mode: the driver must not split the script (BEGIN ATOMIC bodies hold semicolons).
        try (Connection connection = DriverManager.getConnection(superuser.jdbcUrl() + "?preferQueryMode=simple",
                superuser.user(), superuser.password().reveal()); Statement statement = connection.createStatement()) {
            statement.execute(resource("corpus/postgres-torture.sql"));
        }
        for (String user : List.of("backup", "restore", "drill")) {
            SERVER.superuser(database, docsSql("-- planb: postgres " + user + " user").replace("CHANGE-ME", PASSWORD)
                    .replace("DATABASE app", "DATABASE \"" + database + "\""));
        }
        original = PostgresObjects.read(SERVER, source, List.of());
        assertThat(original.tables()).hasSize(12);
        assertThat(original.largeObjects()).hasSize(4);
    }

    @Test
    void superuserBackupAndRestoreIsIdenticalObjectByObject() throws Exception {
        DatabaseSource superuser = SERVER.superuserSource(name(source));
        Path backups = backup(superuser);
        DatabaseSource copy = SERVER.superuserSource("t_torture_" + UUID.randomUUID().toString().substring(0, 8));

        Cli.Result restore = Cli.run("restore", "--from", backups.toString(), "--to-db", url(copy), "--jobs", "2");

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(PostgresObjects.read(SERVER, copy, List.of())).isEqualTo(original);
    }

    @Test
    void leastPrivilegedUsersBackUpRestoreAndDrillIdenticallyButForOwners() throws Exception {
        Path backups = backup(as("planb_backup", name(source)));
        String copy = "t_torture_" + UUID.randomUUID().toString().substring(0, 8);

        Cli.Result restore = Cli.run("restore", "--from", backups.toString(), "--to-db", url(as("planb_restore", copy)),
                "--no-owner");
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertSameButOwnedBy(SERVER.database(copy), "planb_restore");

        Cli.Result drill = Cli.run("verify", "--from", backups.toString(), "--restore-to",
                url(as("planb_drill", "postgres")), "--no-owner", "--check", "select count(*) from billing.invoices = 900");
        assertThat(drill.exitCode()).as(drill.out() + drill.err()).isZero();
        assertThat(drill.out()).contains("row counts match the manifest", "check        ");

        String byHand = "t_hand_" + UUID.randomUUID().toString().substring(0, 8);
        PostgresRestoreGuide.run(SERVER, backups, "torture", byHand, "planb_restore", PASSWORD, Map.of());
        assertSameButOwnedBy(SERVER.database(byHand), "planb_restore");
    }

    private Path backup(DatabaseSource user) {
        Path backups = dir.resolve("backups");
        Cli.Result backup = Cli.run("backup", "--db", url(user), "--to", backups.toString(), "--plan", "torture");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.err()).doesNotContain("WARNING");
        return backups;
    }

    private static void assertSameButOwnedBy(DatabaseSource copy, String owner) throws Exception {
        PostgresObjects restored = PostgresObjects.read(SERVER, copy, List.of());
        assertThat(ownersRemoved(restored.schema())).isEqualTo(ownersRemoved(original.schema()));
        assertThat(restored.schema()).doesNotContain("OWNER TO planb_test", "OWNER TO planb_torture_owner");
        assertThat(restored.tables()).isEqualTo(original.tables());
        assertThat(restored.sequences()).isEqualTo(original.sequences());
        assertThat(restored.extensions()).isEqualTo(original.extensions());
        Map<Long, String> expected = new TreeMap<>();
        original.largeObjects().forEach((oid, value) -> expected.put(oid, owner + value.substring(value.indexOf(' '))));
        assertThat(restored.largeObjects()).isEqualTo(expected);
    }

    private static String ownersRemoved(String schema) {
        return schema.replaceAll("(?m) OWNER TO [^;]+;$", " OWNER TO …;");
    }

    private static DatabaseSource as(String user, String database) {
        return DatabaseSource.of(SERVER.jdbcUrl(database), user, Secret.of(PASSWORD));
    }

    private static String url(DatabaseSource database) {
        return database.jdbcUrl() + "?user=" + database.user() + "&password=" + database.password().reveal();
    }

    /** The SQL block of the PostgreSQL page that starts with {@code marker}, as written there. */
    static String docsSql(String marker) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "engines", "postgresql.md"));
        int start = page.indexOf("```sql\n" + marker);
        assertThat(start).as("docs/engines/postgresql.md block " + marker).isNotNegative();
        start += "```sql\n".length();
        return page.substring(start, page.indexOf("\n```", start));
    }

    private static String resource(String name) throws IOException {
        try (var in = PostgresTortureTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
