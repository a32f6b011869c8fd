/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.server;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * What every throwaway database server offers its tests: a free loopback port, a test user with a
 * random password, and a fresh database per test.
 */
public abstract class LocalDatabaseServer {

    private final String urlPrefix;
    private final String user;
    private final int port;
    private final String password = "pw-" + UUID.randomUUID();

    /**
     * @param urlPrefix the JDBC URL up to the host, e.g. {@code jdbc:postgresql://}
     * @param user the login the test databases are given to
     */
    LocalDatabaseServer(String urlPrefix, String user) throws IOException {
        this.urlPrefix = urlPrefix;
        this.user = user;
        this.port = LocalServers.freePort();
    }

    /**
     * Creates a new, empty database named {@code t_} and 12 random hex digits, owned by the test user.
     *
     * @return the database with the test user's credentials
     * @throws IllegalStateException when the server refuses to create it
     */
    public DatabaseSource newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            createDatabase(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return database(name);
    }

    /**
     * Names a database on this server, e.g. one a restore creates, without creating it.
     *
     * @param name the database's name; it need not exist
     * @return the database with the test user's credentials
     */
    public DatabaseSource database(String name) {
        return DatabaseSource.of(jdbcUrl(name), user, Secret.of(password));
    }

    /**
     * Makes the JDBC URL of a database on this server.
     *
     * @param name the database's name; empty for the server without a database
     * @return {@code jdbc:…://127.0.0.1:PORT/name}
     */
    public String jdbcUrl(String name) {
        return urlPrefix + "127.0.0.1:" + port + "/" + name;
    }

    /** {@return the port the server listens on, on 127.0.0.1} */
    public int port() {
        return port;
    }

    /** {@return the test user's password, random for each server} */
    public String password() {
        return password;
    }

    /** Creates the empty database {@code name} and gives it to the test user. */
    abstract void createDatabase(String name) throws SQLException;

    /** Runs {@code statements} on {@code url} as {@code login}. */
    static void execute(String url, String login, String loginPassword, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, login, loginPassword);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
