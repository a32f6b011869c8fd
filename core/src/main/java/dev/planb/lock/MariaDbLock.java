/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.DatabaseSource;
import dev.planb.spi.PlanLock;
import dev.planb.spi.support.Sha256;
import dev.planb.spi.support.jdbc.Jdbc;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A {@link PlanLock} held in the backed-up MariaDB/MySQL server itself: a named lock
 * ({@code GET_LOCK(name, 0)}) whose name is derived from the database and the plan, taken on a
 * connection of its own and released when the run ends or the session dies. The default for
 * {@code jdbc:mariadb:} and {@code jdbc:mysql:} plans; the database user needs no extra
 * privilege.
 */
public final class MariaDbLock implements PlanLock {

    private final SessionLock lock;

    /**
     * Locks on the server of a database, connecting with its credentials when a lock is acquired.
     *
     * @param database the backed-up database; the lock's name is derived from its name and the plan's
     */
    public MariaDbLock(DatabaseSource database) {
        this.lock = new SessionLock(database, "org.mariadb.jdbc:mariadb-java-client", "SELECT GET_LOCK(?, 0)",
                "SELECT RELEASE_LOCK(?)", (connection, plan) -> name(Jdbc.queryString(connection, "SELECT DATABASE()"),
                        plan));
    }

    /** The lock's name: server-wide, so the database is part of it; hashed to stay within 64 characters. */
    static String name(String database, String plan) {
        byte[] digest = Sha256.newDigest().digest((database + ":" + plan).getBytes(StandardCharsets.UTF_8));
        return "planb:" + HexFormat.of().formatHex(digest, 0, 16);
    }

    @Override
    public Optional<Lease> tryAcquire(String plan) {
        return lock.tryAcquire(plan, description());
    }

    @Override
    public String description() {
        return "MariaDB/MySQL GET_LOCK lock";
    }

    @Override
    public String toString() {
        return description();
    }
}
