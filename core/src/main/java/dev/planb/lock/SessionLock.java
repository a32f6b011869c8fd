/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.PlanLock;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock held by a database session: one connection per lease, a non-blocking "try lock" query
 * that answers true or false, and an unlock query when the lease closes. The database releases
 * the lock itself when the session ends, so a crashed process never leaves it held.
 */
final class SessionLock {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLock.class);

    /** Computes the lock's key for a plan on an open connection. */
    @FunctionalInterface
    interface KeyFunction {
        Object key(Connection connection, String plan) throws SQLException;
    }

    private final DatabaseSource database;
    private final String driverArtifact;
    private final String tryLockSql;
    private final String unlockSql;
    private final KeyFunction keyFunction;

    SessionLock(DatabaseSource database, String driverArtifact, String tryLockSql, String unlockSql,
            KeyFunction keyFunction) {
        this.database = database;
        this.driverArtifact = driverArtifact;
        this.tryLockSql = tryLockSql;
        this.unlockSql = unlockSql;
        this.keyFunction = keyFunction;
    }

    Optional<PlanLock.Lease> tryAcquire(String plan, String description) {
        Connection connection = Jdbc.connect(database, database.jdbcUrl(), new Properties(), driverArtifact);
        try {
            Object key = keyFunction.key(connection, plan);
            if (!query(connection, tryLockSql, key)) {
                connection.close();
                return Optional.empty();
            }
            return Optional.of(() -> release(connection, key));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot take the " + description + " for plan '"
                    + plan + "' on " + database.redactedUrl() + ": " + Messages.firstLine(e), e);
        }
    }

    private void release(Connection connection, Object key) {
        try {
            query(connection, unlockSql, key);
        } catch (SQLException e) {
            LOG.debug("Could not release the lock on {}; closing the session releases it", database.redactedUrl(), e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static boolean query(Connection connection, String sql, Object key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Could not close a lock connection", e);
        }
    }
}
