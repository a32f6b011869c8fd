/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.server;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a PostgreSQL data directory that a point-in-time restore made, on a free loopback port, so a
 * test can read what was recovered; stopped by {@link #close()}. The roles and passwords are those
 * of the cluster the backup came from.
 *
 * <pre>{@code
 * try (RecoveredPostgres recovered = RecoveredPostgres.start(dataDirectory)) {
 *     DatabaseSource db = recovered.database("app", PostgresServer.USER, password);
 * }
 * }</pre>
 */
public final class RecoveredPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final Path pgCtl;
    private final int port;

    private RecoveredPostgres(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.pgCtl = LocalServers.newestPostgresBinary("pg_ctl").orElseGet(
                () -> LocalServers.binary("postgresql", Path.of("/usr/lib/postgresql/15/bin/pg_ctl")));
        this.port = LocalServers.freePort();
        LocalServers.run(LocalServers.as("postgres", List.of(pgCtl.toString(), "-D", dataDirectory.toString(),
                "-l", dataDirectory.resolve("test-server.log").toString(), "-w", "-t", "60", "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dataDirectory, "start")));
    }

    /**
     * Starts a server on a restored data directory and waits (up to a minute) until it has recovered and accepts
     * connections. Stop it with {@link #close()}.
     *
     * @param dataDirectory the data directory a restore wrote, readable by the {@code postgres} system user when the
     *     tests run as root; the server's log goes to {@code test-server.log} in it
     * @return the running server
     * @throws IOException when {@code pg_ctl start} fails or times out, with its output
     * @throws IllegalStateException naming the Debian package when {@code pg_ctl} is missing
     */
    public static RecoveredPostgres start(Path dataDirectory) throws IOException {
        return new RecoveredPostgres(dataDirectory);
    }

    /**
     * Names a database of the recovered server.
     *
     * @param name the database's name
     * @param user a role of the cluster the backup came from
     * @param password its password in that cluster
     * @return the database with those credentials
     */
    public DatabaseSource database(String name, String user, String password) {
        return DatabaseSource.of("jdbc:postgresql://127.0.0.1:" + port + "/" + name, user, Secret.of(password));
    }

    /**
     * Starts the server on {@code dataDirectory}, reads the {@code id} column of {@code table} in
     * {@code database} as {@code user}, and stops it.
     *
     * @param dataDirectory the data directory a restore wrote
     * @param database the database to read
     * @param table a table with an integer {@code id} column
     * @param user a role of the cluster the backup came from
     * @param password its password
     * @return the ids found, in order
     * @throws IOException when the server does not start or stop
     * @throws SQLException when the table cannot be read
     */
    public static Set<Integer> readIds(Path dataDirectory, String database, String table, String user, String password)
            throws IOException, SQLException {
        Set<Integer> ids = new TreeSet<>();
        try (RecoveredPostgres recovered = start(dataDirectory);
                Connection connection = DriverManager.getConnection(recovered.database(database, user, password).jdbcUrl(),
                        user, password);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM " + table)) {
            while (result.next()) {
                ids.add(result.getInt(1));
            }
        }
        return ids;
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}); the data directory stays.
     *
     * @throws IOException when {@code pg_ctl stop} fails or times out, with its output
     */
    @Override
    public void close() throws IOException {
        LocalServers.run(LocalServers.as("postgres", List.of(pgCtl.toString(), "-D", dataDirectory.toString(),
                "-m", "fast", "-w", "stop")));
    }
}
