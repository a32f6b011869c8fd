/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.server;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A throwaway PostgreSQL cluster for integration tests, started from the installed binaries
 * ({@code initdb}, {@code pg_ctl} of Debian's {@code postgresql} package) in a temporary folder on
 * a free loopback port, as the {@code postgres} system user when the tests run as root. One
 * cluster per test JVM, started on first use and removed at exit; every test takes its own
 * database with {@link #newDatabase()}.
 *
 * <pre>{@code
 * DatabaseSource db = PostgresServer.shared().newDatabase();   // owned by PostgresServer.USER
 * }</pre>
 *
 * <p>A test that crashes its server takes one of its own with {@link #startNew()} and
 * {@link #crash()}es it.
 */
public final class PostgresServer extends LocalDatabaseServer {

    /** The login role that owns the test databases (it may create databases). */
    public static final String USER = "planb_test";
    private static final String SUPERUSER = "postgres";
    private static PostgresServer shared;

    private final Path folder;
    private final String superPassword = "super-" + UUID.randomUUID();
    private final Path pgCtl;

    private PostgresServer() throws IOException, SQLException {
        this(" -c synchronous_commit=off -c full_page_writes=off");
    }

    private PostgresServer(String extraSettings) throws IOException, SQLException {
        super("jdbc:postgresql://", USER);
        Path initdb = LocalServers.newestPostgresBinary("initdb").orElseGet(
                () -> LocalServers.binary("postgresql", Path.of("/usr/lib/postgresql/15/bin/initdb"), Path.of("/usr/bin/initdb")));
        pgCtl = initdb.resolveSibling("pg_ctl");
        folder = LocalServers.folder("planb-pg-", SUPERUSER);
        Path passwordFile = folder.resolve("pw");
        Files.writeString(passwordFile, superPassword);
        if (LocalServers.root()) {
            LocalServers.run(List.of("chown", SUPERUSER + ":", passwordFile.toString()));
        }
        LocalServers.run(LocalServers.as(SUPERUSER, List.of(initdb.toString(), "-D", folder.resolve("data").toString(),
                "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")));
        Files.delete(passwordFile);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "planb-postgres-stop"));
        LocalServers.run(LocalServers.as(SUPERUSER, List.of(pgCtl.toString(), "-D", folder.resolve("data").toString(),
                "-l", folder.resolve("log").toString(), "-w", "-t", "60", "-o",
                "-c listen_addresses=127.0.0.1 -p " + port() + " -k " + folder + " -c fsync=off"
                        + extraSettings, "start")));
        superuser("postgres", "CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + password() + "'");
    }

    /**
     * {@return the cluster of this test JVM, started on first use and removed at exit} It favours speed over
     * durability ({@code synchronous_commit} and {@code full_page_writes} off): do not crash it.
     *
     * @throws IllegalStateException when it cannot start, naming the Debian package when a binary is missing
     */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = new PostgresServer();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("Cannot start the test PostgreSQL server: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /**
     * A cluster of the caller's own, with the default durability settings (a crash loses nothing
     * committed), removed at exit. For tests that {@link #crash()} their server.
     *
     * @return the running cluster
     * @throws IllegalStateException when it cannot start, naming the Debian package when a binary is missing
     */
    public static PostgresServer startNew() {
        try {
            return new PostgresServer("");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start a test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the test user stream WAL ({@code ALTER ROLE … REPLICATION}), for point-in-time tests.
     *
     * @throws SQLException when the role cannot be altered
     */
    public void allowReplication() throws SQLException {
        superuser("postgres", "ALTER ROLE " + USER + " REPLICATION");
    }

    /**
     * Kills the server's processes at once ({@code kill -9} of the postmaster and its children): a crash.
     *
     * @throws IOException when the postmaster's pid file cannot be read or the kill fails
     */
    public void crash() throws IOException {
        String pid = Files.readAllLines(folder.resolve("data").resolve("postmaster.pid")).get(0).strip();
        LocalServers.run(List.of("sh", "-c", "pkill -9 -P " + pid + "; kill -9 " + pid));
    }

    /** {@return the folder the server's files are in; its data directory is {@code data} in it} */
    public Path folder() {
        return folder;
    }

    @Override
    void createDatabase(String name) throws SQLException {
        superuser("postgres", "CREATE DATABASE " + name + " OWNER " + USER);
    }

    /**
     * Names a database on this server for the superuser {@code postgres}, e.g. to read what row-level security
     * hides from the test user.
     *
     * @param database the database's name; it need not exist
     * @return the database with the superuser's credentials
     */
    public DatabaseSource superuserSource(String database) {
        return DatabaseSource.of(jdbcUrl(database), SUPERUSER, Secret.of(superPassword));
    }

    /**
     * Finds a PostgreSQL program of the server's own version, so a test runs the tools that match it.
     *
     * @param name the program, e.g. {@code pg_dump}
     * @return its path in the folder of the server's {@code pg_ctl}; it may not exist
     */
    public Path tool(String name) {
        return pgCtl.resolveSibling(name);
    }

    /**
     * Runs SQL statements as the superuser, in order, each committed on its own.
     *
     * @param database the database to run them in, e.g. {@code postgres}
     * @param statements the statements, without a trailing {@code ;}
     * @throws SQLException when the server refuses one; the statements before it have run
     */
    public void superuser(String database, String... statements) throws SQLException {
        execute(jdbcUrl(database), SUPERUSER, superPassword, statements);
    }

    private void stop() {
        try {
            LocalServers.run(LocalServers.as(SUPERUSER, List.of(pgCtl.toString(), "-D",
                    folder.resolve("data").toString(), "-m", "immediate", "-w", "stop")));
        } catch (IOException e) {
            System.err.println("Could not stop the test PostgreSQL server: " + e.getMessage());
        }
        LocalServers.delete(folder);
    }
}
