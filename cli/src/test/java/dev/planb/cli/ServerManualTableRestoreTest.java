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
import dev.planb.testing.server.MariaDbServer;
import dev.planb.testing.server.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-table restore a person does without PlanB: steps 1 and 2 of a backup's RESTORE.md, then
 * the commands of its "A single table" section, run with the stock tools against a live database whose
 * {@code orders} table was emptied: the old rows come back beside it, the live table stays empty.
 */
class ServerManualTableRestoreTest {

    @TempDir
    Path dir;

    @Test
    void postgresSingleTableGuideWorksWithStockTools() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseSource live = populated(server.newDatabase());
        String database = live.jdbcUrl().replaceAll(".*/", "");
        String script = guide(live).replace("-h HOST", "-h 127.0.0.1 -p " + server.port())
                .replace("-U USER", "-U " + PostgresServer.USER).replace("LIVEDB", database)
                .replace("planb_table_restore", "t_scratch_" + UUID.randomUUID().toString().substring(0, 8));
        run(live, "DELETE FROM orders");

        Cli.Result result = ManualRestoreTest.shell(dir, script, Map.of("PGPASSWORD", server.password()));

        assertThat(result.exitCode()).as(script + "\n" + result.out()).isZero();
        assertThat(count(live, "before.orders")).isEqualTo(3);
        assertThat(count(live, "orders")).isZero();
    }

    @Test
    void mariaDbSingleTableGuideWorksWithStockTools() throws Exception {
        MariaDbServer server = MariaDbServer.shared();
        DatabaseSource live = populated(server.newDatabase());
        String database = live.jdbcUrl().replaceAll(".*/", "");
        String script = guide(live).replace("-h HOST", "-h 127.0.0.1 -P " + server.port())
                .replace("-u USER -p", "-u " + MariaDbServer.USER).replace("app.", database + ".")
                .replace("planb_table_restore", "t_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        run(live, "DELETE FROM orders");

        Cli.Result result = ManualRestoreTest.shell(dir, script, Map.of("MYSQL_PWD", server.password()));

        assertThat(result.exitCode()).as(script + "\n" + result.out()).isZero();
        assertThat(count(live, "orders_before")).isEqualTo(3);
        assertThat(count(live, "orders")).isZero();
    }

    /** Backs the database up; steps 1 and 2 of RESTORE.md's "By hand", then its single-table commands (without planb). */
    private String guide(DatabaseSource source) throws Exception {
        Path backups = dir.resolve("backups");
        BackupResult backup = PlanB.backup(BackupPlan.builder("app").database(source)
                .destination(new LocalDirectoryDestination(backups)).build());
        Path folder = backups.resolve("app").resolve(backup.id().value());
        String guide = Files.readString(folder.resolve("RESTORE.md"));
        String unpack = String.join("\n", ManualRestoreTest.shellCommands(guide.substring(0, guide.indexOf("### 3."))));
        String table = String.join("\n", ManualRestoreTest.shellCommands(guide, "A single table").stream()
                .filter(line -> !line.startsWith("planb ")).toList());
        assertThat(table).as("by-hand commands for a single table").isNotEmpty();
        return "set -e\ncd '" + folder + "'\n" + unpack + "\n" + table;
    }

    private static DatabaseSource populated(DatabaseSource source) throws Exception {
        run(source, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100))",
                "INSERT INTO customers VALUES (1, 'Ada')",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER REFERENCES customers (id), item VARCHAR(100))",
                "CREATE INDEX orders_item ON orders (item)",
                "INSERT INTO orders VALUES (1, 1, 'apple'), (2, 1, 'pear'), (3, 1, 'it''s')");
        return source;
    }

    private static void run(DatabaseSource source, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(),
                source.password().reveal()); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static long count(DatabaseSource source, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(),
                source.password().reveal()); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
