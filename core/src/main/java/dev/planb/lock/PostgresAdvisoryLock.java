/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.DatabaseSource;
import dev.planb.spi.PlanLock;
import dev.planb.spi.support.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A {@link PlanLock} held in the backed-up PostgreSQL database itself: a session-level advisory
 * lock ({@code pg_try_advisory_lock}) whose key is derived from the plan's name, taken on a
 * connection of its own and released when the run ends or the session dies. The default for
 * {@code jdbc:postgresql:} plans; the database user needs no extra privilege.
 */
public final class PostgresAdvisoryLock implements PlanLock {

    private final SessionLock lock;

    /**
     * Locks in a database, connecting with its credentials when a lock is acquired.
     *
     * @param database the backed-up database
     */
    public PostgresAdvisoryLock(DatabaseSource database) {
        this.lock = new SessionLock(database, "org.postgresql:postgresql", "SELECT pg_try_advisory_lock(?)",
                "SELECT pg_advisory_unlock(?)", (connection, plan) -> key(plan));
    }

    /** The advisory lock key of a plan: the first 8 bytes of SHA-256 of {@code planb:<plan>}. */
    static long key(String plan) {
        byte[] digest = Sha256.newDigest().digest(("planb:" + plan).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }

    @Override
    public Optional<Lease> tryAcquire(String plan) {
        return lock.tryAcquire(plan, description());
    }

    @Override
    public String description() {
        return "PostgreSQL advisory lock";
    }

    @Override
    public String toString() {
        return description();
    }
}
