/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.ScratchDatabase;
import dev.planb.spi.ScratchDatabases;
import dev.planb.spi.support.Messages;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch databases on a database server, for the engines of server databases: each is created
 * with PlanB's marker and held by a session-level lock on the connection that created it, which
 * the server releases when that connection ends however the process ends. An orphan is a marked
 * {@code planb_verify_…} database whose lock can be taken. Subclasses give the SQL.
 */
public abstract class ServerScratchDatabases implements ScratchDatabases {

    private static final Logger LOG = LoggerFactory.getLogger(ServerScratchDatabases.class);
    /** The marker (a database comment) of PlanB's scratch databases. */
    protected static final String MARKER = "PlanB restore-drill scratch database; dropped by PlanB when the drill ends";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(NAME_PREFIX) + "[0-9a-f]{12}");

    /** For an engine's subclass, which gives the SQL of its server. */
    protected ServerScratchDatabases() {
    }


    /**
     * Opens a connection to the server (a database every user may enter) that holds the locks.
     *
     * @param server the source the drill restores to, whose server and credentials are used
     * @return a new connection; the caller closes it
     */
    protected abstract Connection connectToServer(DatabaseSource server);

    /**
     * Names a scratch database on the server.
     *
     * @param server the server's source, whose credentials the result keeps
     * @param name the scratch database's name
     * @return the source of database {@code name} on that server
     */
    protected abstract DatabaseSource scratchSource(DatabaseSource server, String name);

    /**
     * Takes the session-level lock of {@code name} without waiting.
     *
     * @param connection the connection that holds the lock until it is released or closed
     * @param name the scratch database's name
     * @return whether the lock was free (and is now held)
     * @throws SQLException when the server refuses the statement
     */
    protected abstract boolean tryLock(Connection connection, String name) throws SQLException;

    /**
     * Releases the lock of {@code name}.
     *
     * @param connection the connection that holds the lock
     * @param name the scratch database's name
     * @throws SQLException when the server refuses the statement
     */
    protected abstract void unlock(Connection connection, String name) throws SQLException;

    /**
     * Creates the database {@code name} with PlanB's {@link #MARKER}.
     *
     * @param connection a connection to the server
     * @param name the new database's name
     * @throws SQLException when the database cannot be created, e.g. for lack of privilege
     */
    protected abstract void createMarked(Connection connection, String name) throws SQLException;

    /**
     * Lists PlanB's scratch databases on the server.
     *
     * @param connection a connection to the server
     * @return the names of the databases that carry PlanB's {@link #MARKER}
     * @throws SQLException when the server's catalog cannot be read
     */
    protected abstract List<String> markedDatabases(Connection connection) throws SQLException;

    /**
     * Drops the database {@code name} if it exists.
     *
     * @param connection a connection to the server
     * @param name the database to drop
     * @throws SQLException when the database cannot be dropped
     */
    protected abstract void drop(Connection connection, String name) throws SQLException;

    /** {@return what to do when a scratch database cannot be created, e.g. the privilege to grant} */
    protected abstract String privilegeHint();


    @Override
    public final ScratchDatabase create(DatabaseSource server) {
        String name = ScratchDatabases.newName();
        Connection connection = connectToServer(server);
        try {
            if (!tryLock(connection, name)) {
                throw new SQLException("the lock of " + name + " is taken");
            }
            createMarked(connection, name);
            LOG.debug("Created scratch database {} on {}", name, server.redactedUrl());
            return new Held(name, scratchSource(server, name), connection);
        } catch (SQLException e) {
            close(connection);
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Cannot create scratch database " + name + " on "
                    + server.redactedUrl() + ": " + Messages.firstLine(e) + ": " + privilegeHint(), e);
        }
    }

    @Override
    public final List<String> dropOrphans(DatabaseSource server) {
        List<String> dropped = new ArrayList<>();
        try (Connection connection = connectToServer(server)) {
            for (String name : markedDatabases(connection)) {
                if (NAME.matcher(name).matches() && dropIfOrphan(connection, name)) {
                    dropped.add(name);
                    LOG.info("Dropped scratch database {} left by a killed restore drill on {}", name,
                            server.redactedUrl());
                }
            }
        } catch (SQLException | PlanBException e) {
            LOG.warn("Could not look for the scratch databases of killed drills on {}: {}", server.redactedUrl(),
                    Messages.firstLine(e));
        }
        return dropped;
    }

    /** Drops a marked database whose lock is free; one that cannot be dropped (another owner) is left and logged. */
    private boolean dropIfOrphan(Connection connection, String name) {
        try {
            if (!tryLock(connection, name)) {
                return false;
            }
            try {
                drop(connection, name);
                return true;
            } finally {
                unlock(connection, name);
            }
        } catch (SQLException e) {
            LOG.warn("Could not drop scratch database {} left by a killed restore drill: {}", name, Messages.firstLine(e));
            return false;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Could not close a connection", e);
        }
    }

    /** A scratch database held by the lock on the connection that created it. */
    private final class Held implements ScratchDatabase {
        private final String name;
        private final DatabaseSource source;
        private final Connection connection;

        Held(String name, DatabaseSource source, Connection connection) {
            this.name = name;
            this.source = source;
            this.connection = connection;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DatabaseSource source() {
            return source;
        }

        @Override
        public void close() {
            try {
                drop(connection, name);
                LOG.debug("Dropped scratch database {}", name);
            } catch (SQLException e) {
                LOG.warn("Could not drop scratch database {}: {}; the next drill on this server drops it", name,
                        Messages.firstLine(e));
            } finally {
                ServerScratchDatabases.close(connection);
            }
        }

        @Override
        public String toString() {
            return "ScratchDatabase[" + source.redactedUrl() + "]";
        }
    }
}
