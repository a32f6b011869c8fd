/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Optional;

/**
 * Makes sure only one application instance runs a plan at a time. The runtime takes the lock
 * before each run, without waiting: an instance that cannot get it skips the tick, and the one
 * that gets it first checks that no other instance already made that tick's backup.
 *
 * <p>Implementations: {@code dev.planb.lock.LockFile} (instances on one host, the default for SQLite and H2),
 * and locks held in the backed-up database itself (PostgreSQL advisory locks, MariaDB/MySQL
 * {@code GET_LOCK}), so no extra infrastructure is needed. A lock is released when its lease is
 * closed or, for every built-in lock, when the process holding it dies.
 *
 * <pre>{@code
 * BackupPlan.builder("app")...lock(new LockFile(Path.of("/var/lib/app/locks"))).build();
 * }</pre>
 */
public interface PlanLock {

    /**
     * Takes the lock for {@code plan} if nobody holds it, without waiting.
     *
     * @param plan the plan's name
     * @return the lease, to close when the run is over; empty when another runner holds the lock
     * @throws dev.planb.PlanBException when the lock cannot be checked at all (database down,
     *     folder not writable); the message says which setting to fix
     */
    Optional<Lease> tryAcquire(String plan);

    /** {@return a short, secret-free description for messages, e.g. {@code lock file /var/lib/app/app.lock}} */
    String description();

    /** A held lock; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        /** Releases the lock; never throws. */
        @Override
        void close();
    }
}
