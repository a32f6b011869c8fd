/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.lock;

import dev.planb.DatabaseSource;
import dev.planb.engine.SqliteEngine;
import dev.planb.spi.PlanLock;
import java.nio.file.Path;

/** Chooses the lock a plan uses when none is set. */
public final class PlanLocks {

    private PlanLocks() {
    }

    /**
     * The default lock for a database, held where every instance that backs it up can see it:
     * a {@link PostgresAdvisoryLock} or {@link MariaDbLock} in the database server itself, a
     * {@link LockFile} beside a SQLite database file, and a lock file in
     * {@code java.io.tmpdir/planb-locks} for other databases (H2, instances on one host).
     */
    public static PlanLock defaultFor(DatabaseSource database) {
        String url = database.jdbcUrl();
        if (url.startsWith("jdbc:postgresql:")) {
            return new PostgresAdvisoryLock(database);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return new MariaDbLock(database);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = SqliteEngine.databaseFile(database).toAbsolutePath();
            return new LockFile(file.getParent());
        }
        return new LockFile(Path.of(System.getProperty("java.io.tmpdir"), "planb-locks"));
    }
}
