/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

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
 * MariaDB scratch databases: marked with a database comment ({@code CREATE DATABASE … COMMENT},
 * MariaDB 10.5 and newer), held with a {@code GET_LOCK} named after the database.
 */
final class MariaDbScratchDatabases extends ServerScratchDatabases {

    @Override
    protected Connection connectToServer(DatabaseSource server) {
        return MariaDbEngine.openConnection(new DatabaseSource(MariaDbConnection.serverUrl(server.jdbcUrl()),
                server.user(), server.password()));
    }

    @Override
    protected DatabaseSource scratchSource(DatabaseSource server, String name) {
        return new DatabaseSource(MariaDbConnection.withDatabase(server.jdbcUrl(), name), server.user(), server.password());
    }

    @Override
    protected boolean tryLock(Connection connection, String name) throws SQLException {
        return queryInt(connection, "SELECT GET_LOCK(?, 0)", name) == 1;
    }

    @Override
    protected void unlock(Connection connection, String name) throws SQLException {
        queryInt(connection, "SELECT RELEASE_LOCK(?)", name);
    }

    @Override
    protected void createMarked(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE `" + name + "` COMMENT '" + MARKER + "'");
        }
    }

    @Override
    protected List<String> markedDatabases(Connection connection) throws SQLException {
        return Jdbc.queryStrings(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA"
                + " WHERE SCHEMA_NAME LIKE 'planb\\_verify\\_%' AND SCHEMA_COMMENT = ?", MARKER);
    }

    @Override
    protected void drop(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    @Override
    protected String privilegeHint() {
        return "grant the user CREATE and DROP on `planb\\_verify\\_%`.* (MariaDB 10.5 or newer), or drill on another server";
    }

    private static int queryInt(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
