/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.DatabaseSource;
import dev.planb.engine.ServerScratchDatabases;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL scratch databases: marked with {@code COMMENT ON DATABASE}, held with a session-level
 * advisory lock taken in the {@code postgres} maintenance database (advisory locks belong to one
 * database, so every drill takes them there).
 */
final class PgScratchDatabases extends ServerScratchDatabases {

    /** The first key of PlanB's advisory locks ("PLNB"); the second is the hash of the database's name. */
    private static final int LOCK_CLASS = 0x504C4E42;

    @Override
    protected Connection connectToServer(DatabaseSource server) {
        return PostgresEngine.openConnection(PostgresEngine.maintenance(server));
    }

    @Override
    protected DatabaseSource scratchSource(DatabaseSource server, String name) {
        return PostgresEngine.onDatabase(server, name);
    }

    @Override
    protected boolean tryLock(Connection connection, String name) throws SQLException {
        return advisory(connection, "pg_try_advisory_lock", name);
    }

    @Override
    protected void unlock(Connection connection, String name) throws SQLException {
        advisory(connection, "pg_advisory_unlock", name);
    }

    @Override
    protected void createMarked(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + Jdbc.quoteIdentifier(name));
            try {
                statement.execute("COMMENT ON DATABASE " + Jdbc.quoteIdentifier(name) + " IS '" + MARKER + "'");
            } catch (SQLException e) {
                statement.execute("DROP DATABASE " + Jdbc.quoteIdentifier(name));
                throw e;
            }
        }
    }

    @Override
    protected List<String> markedDatabases(Connection connection) throws SQLException {
        return Jdbc.queryStrings(connection, "SELECT datname FROM pg_database d"
                + " WHERE datname LIKE 'planb\\_verify\\_%' AND shobj_description(d.oid, 'pg_database') = ?", MARKER);
    }

    /** Drops the database, ending the sessions still in it (PostgreSQL 13 and newer). */
    @Override
    protected void drop(Connection connection, String name) throws SQLException {
        boolean force = connection.getMetaData().getDatabaseMajorVersion() >= 13;
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + Jdbc.quoteIdentifier(name) + (force ? " WITH (FORCE)" : ""));
        }
    }

    @Override
    protected String privilegeHint() {
        return "give the user the CREATEDB privilege, or drill on another server";
    }

    private static boolean advisory(Connection connection, String function, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS);
            statement.setString(2, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
