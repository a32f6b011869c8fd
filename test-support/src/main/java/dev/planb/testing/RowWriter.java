/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Inserts rows one by one, each in its own transaction, into a table {@code drill_rows (id INT PRIMARY KEY, …)}
 * until stopped or until the database fails (a crash), and remembers when each insert started and
 * when its commit returned: what a point-in-time drill checks a restore against.
 *
 * <pre>{@code
 * RowWriter writer = RowWriter.withNewTable(database, user, password);
 * writer.start();  …  writer.committedBefore(target)   // must be restored
 * }</pre>
 */
public final class RowWriter extends Thread {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Map<Integer, Instant> started = new ConcurrentSkipListMap<>();
    private final Map<Integer, Instant> committed = new ConcurrentSkipListMap<>();
    private volatile boolean stopping;
    private volatile SQLException failure;

    /**
     * Makes a writer for an existing {@code drill_rows} table; it connects when {@link #start() started}.
     *
     * @param jdbcUrl the database holding the table
     * @param user the login to insert as
     * @param password its password
     */
    public RowWriter(String jdbcUrl, String user, String password) {
        super("row-writer");
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        setDaemon(true);
    }

    @Override
    public void run() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement insert = connection.prepareStatement("INSERT INTO drill_rows (id) VALUES (?)")) {
            for (int id = 1; !stopping; id++) {
                started.put(id, Instant.now());
                insert.setInt(1, id);
                insert.executeUpdate();
                committed.put(id, Instant.now());
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            failure = e; // the server went away: the drill's crash
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates the table {@code drill_rows (id INT PRIMARY KEY)} and makes a writer for it.
     *
     * @param database the database to create the table in; only its JDBC URL is used
     * @param user the login that creates the table and inserts
     * @param password its password
     * @return a writer, not yet started
     * @throws SQLException when the table cannot be created, e.g. because it exists already
     */
    public static RowWriter withNewTable(DatabaseSource database, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE drill_rows (id INT PRIMARY KEY)");
        }
        return new RowWriter(database.jdbcUrl(), user, password);
    }

    /**
     * Stops after the current insert and waits for the writer to end, for at most 10 seconds.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void finish() throws InterruptedException {
        stopping = true;
        join(10_000);
    }

    /**
     * {@return why writing stopped when the database failed (a crash), or {@code null} while it has not failed}
     */
    public SQLException failure() {
        return failure;
    }

    /** {@return every id whose commit has returned, in order} */
    public List<Integer> committed() {
        return List.copyOf(committed.keySet());
    }

    /**
     * Lists the rows a restore to {@code time} must hold.
     *
     * @param time the point in time restored to
     * @return the ids whose commit returned before {@code time}, in order
     */
    public List<Integer> committedBefore(Instant time) {
        return committed.entrySet().stream().filter(entry -> entry.getValue().isBefore(time)).map(Map.Entry::getKey).toList();
    }

    /**
     * Lists the rows a restore to {@code time} must not hold.
     *
     * @param time the point in time restored to
     * @return the ids whose insert started after {@code time}, in order
     */
    public List<Integer> startedAfter(Instant time) {
        return started.entrySet().stream().filter(entry -> entry.getValue().isAfter(time)).map(Map.Entry::getKey).toList();
    }

    /**
     * {@return when the last commit returned}
     *
     * @throws java.util.NoSuchElementException when no insert has committed yet
     */
    public Instant lastCommit() {
        return committed.values().stream().max(Instant::compareTo).orElseThrow();
    }
}
