/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.internal.tool.ToolFailedException;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.TableCount;
import dev.planb.testing.server.PostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresEngineContractTest extends AbstractDatabaseEngineContractTest
        implements CredentialsContract, ExternalToolContract, SchemasContract {

    @TempDir
    Path folder;

    @Override
    public DatabaseEngine engine() {
        return new PostgresEngine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }

    @Override
    protected DatabaseSource unreadableDatabase() throws Exception {
        return DatabaseSource.of("jdbc:postgresql://127.0.0.1:1/nothing", PostgresServer.USER, Secret.of("x"));
    }

    @Override
    protected String binaryType() {
        return "BYTEA";
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() {
        DatabaseSource database = PostgresServer.shared().newDatabase();
        return DatabaseSource.of(database.jdbcUrl(), PostgresServer.USER, Secret.of(WRONG_PASSWORD));
    }

    @Override
    public DatabaseEngine engineWithoutTools() {
        return new PostgresEngine(PostgresOptions.builder().toolDirectory(folder).build());
    }

    @Override
    public DatabaseSource readableDatabase() {
        return newDatabase();
    }

    @Override
    public DatabaseSource emptyDatabase() {
        return newDatabase();
    }

    @Test
    void largeObjectsSurvive() throws Exception {
        DatabaseSource source = newDatabase();
        execute(source, "CREATE TABLE files (id INTEGER PRIMARY KEY, content OID)",
                "INSERT INTO files VALUES (1, lo_from_bytea(0, convert_to(repeat('large object ✓ ', 100000), 'UTF8')))");
        DatabaseSource copy = newDatabase();

        restore(dumpOf(source), copy, false);

        assertThat(largeObject(copy)).isEqualTo(largeObject(source)).startsWith("large object ✓ ").hasSize(1_500_000);
    }

    @Test
    void directoryFormatDumpsInParallelAndRestoresInParallel() throws Exception {
        PostgresEngine parallel = new PostgresEngine(PostgresOptions.builder()
                .format(PostgresOptions.Format.DIRECTORY).jobs(3).build());
        DatabaseSource source = populatedDatabase();
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        List<TableCount> counted = parallel.dump(source, dump).tables();
        assertThat(new String(dump.toByteArray(), 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
        assertThat(parallel.dumpFileName()).isEqualTo("database.pgdump.tar");
        DatabaseSource copy = newDatabase();

        parallel.restore(new ByteArrayInputStream(dump.toByteArray()), copy);

        assertThat(parallel.tableCounts(copy)).isEqualTo(counted);
        assertThat(rows(copy, "attachments")).isEqualTo(rows(source, "attachments"));
    }

    @Test
    void customFormatRestoresInParallel() throws Exception {
        DatabaseSource source = populatedDatabase();
        DatabaseSource copy = newDatabase();

        new PostgresEngine(PostgresOptions.builder().jobs(2).build())
                .restore(new ByteArrayInputStream(dumpOf(source)), copy);

        assertThat(engine().tableCounts(copy)).isEqualTo(engine().tableCounts(source));
    }

    @Test
    void schemasAndTablesCanBeIncludedOrExcluded() throws Exception {
        DatabaseSource source = populatedDatabase();
        execute(source, "CREATE SCHEMA audit", "CREATE TABLE audit.log (id INTEGER)", "INSERT INTO audit.log VALUES (1)",
                "CREATE SCHEMA \"Odd Name\"", "CREATE TABLE \"Odd Name\".\"T*\" (id INTEGER)",
                "INSERT INTO \"Odd Name\".\"T*\" VALUES (1), (2)");
        PostgresEngine selective = new PostgresEngine(PostgresOptions.builder()
                .excludeSchema("audit").excludeTable("orders").build());
        ByteArrayOutputStream dump = new ByteArrayOutputStream();

        List<TableCount> counted = selective.dump(source, dump).tables();

        assertThat(counted).containsExactlyInAnyOrder(new TableCount("attachments", ATTACHMENTS),
                new TableCount("customers", CUSTOMERS), new TableCount("Odd Name.T*", 2));
        DatabaseSource copy = newDatabase();
        selective.restore(new ByteArrayInputStream(dump.toByteArray()), copy);
        assertThat(engine().tableCounts(copy)).containsExactlyInAnyOrderElementsOf(counted);

        PostgresEngine only = new PostgresEngine(PostgresOptions.builder().table("customers").schema("audit").build());
        assertThat(only.dump(source, OutputStream.nullOutputStream()).tables())
                .containsExactly(new TableCount("customers", CUSTOMERS));
        PostgresEngine outsidePublic = new PostgresEngine(PostgresOptions.builder().table("Odd Name.T*").build());
        assertThatThrownBy(() -> outsidePublic.dump(source, OutputStream.nullOutputStream()))
                .hasMessageContaining("pg_dump --table dumps no CREATE SCHEMA").hasMessageContaining("--schema Odd Name");
        PostgresEngine schema = new PostgresEngine(PostgresOptions.builder().schema("audit").build());
        assertThat(schema.dump(source, OutputStream.nullOutputStream()).tables())
                .containsExactly(new TableCount("audit.log", 1));
    }

    @Test
    void anotherUserRestoresWithNoOwner() throws Exception {
        DatabaseSource source = populatedDatabase();
        String user = "other_" + UUID.randomUUID().toString().substring(0, 8);
        String database = "t_other_" + UUID.randomUUID().toString().substring(0, 8);
        PostgresServer.shared().superuser("postgres", "CREATE ROLE " + user + " LOGIN PASSWORD 'other-pw'",
                "CREATE DATABASE " + database + " OWNER " + user);
        DatabaseSource copy = DatabaseSource.of(PostgresServer.shared().jdbcUrl(database), user, Secret.of("other-pw"));
        byte[] dump = dumpOf(source);

        assertThatThrownBy(() -> engine().restore(new ByteArrayInputStream(dump), copy))
                .isInstanceOf(IOException.class).hasMessageContaining("--no-owner");
        assertThat(engine().tableCounts(copy)).as("the failed restore was rolled back").isEmpty();

        new PostgresEngine(PostgresOptions.builder().noOwner(true).build()).restore(new ByteArrayInputStream(dump), copy);
        assertThat(engine().tableCounts(copy)).isEqualTo(engine().tableCounts(source));
    }

    @Test
    void aDumpCutOffByTheServerFailsWithPgDumpsOwnMessage() throws Exception {
        DatabaseSource source = populatedDatabase();
        execute(source, "CREATE TABLE big AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 200000) g");
        String database = source.jdbcUrl().substring(source.jdbcUrl().lastIndexOf('/') + 1);
        OutputStream cutOff = new FilterOutputStream(OutputStream.nullOutputStream()) {
            private boolean terminated;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (!terminated) {
                    terminated = true;
                    try {
                        PostgresServer.shared().superuser("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE application_name = 'pg_dump' AND datname = '" + database + "'");
                    } catch (SQLException e) {
                        throw new IOException(e);
                    }
                }
            }
        };

        assertThatThrownBy(() -> engine().dump(source, cutOff))
                .isInstanceOf(ToolFailedException.class)
                .hasMessageStartingWith("pg_dump failed (exit status 1): pg_dump: error:")
                .hasMessageContaining("terminat");
    }

    @Test
    void interruptingTheRunStopsPgDump() throws Exception {
        DatabaseSource source = populatedDatabase();
        execute(source, "CREATE TABLE big AS SELECT g AS id, md5(g::text) AS note FROM generate_series(1, 200000) g");
        String database = source.jdbcUrl().substring(source.jdbcUrl().lastIndexOf('/') + 1);
        CountDownLatch started = new CountDownLatch(1);
        OutputStream slow = new FilterOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) {
                started.countDown();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                engine().dump(source, slow);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        run.start();
        started.await();
        assertThat(pgDumpSessions(database)).isEqualTo(1);

        run.interrupt();
        run.join(10_000);

        assertThat(run.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(InterruptedIOException.class).hasMessageContaining("pg_dump");
        for (int i = 0; i < 100 && pgDumpSessions(database) > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(pgDumpSessions(database)).as("pg_dump sessions left").isZero();
    }

    private static long pgDumpSessions(String database) throws SQLException {
        DatabaseSource postgres = DatabaseSource.of(PostgresServer.shared().jdbcUrl(database), PostgresServer.USER,
                Secret.of(PostgresServer.shared().password()));
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password().reveal()); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = 'pg_dump' AND datname = current_database()")) {
            result.next();
            return result.getLong(1);
        }
    }

    private String largeObject(DatabaseSource source) throws SQLException {
        try (Connection connection = connect(source); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT convert_from(lo_get(content), 'UTF8') FROM files")) {
            result.next();
            return result.getString(1);
        }
    }
}
