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
     * {@link LockFile} beside a SQLite database file, a lock inside this JVM for an in-memory H2 database
     * ({@code jdbc:h2:mem:}, which no other process sees), and a lock file in {@code java.io.tmpdir/planb-locks} for
     * other databases (H2 files and servers: instances on one host).
     *
     * @param database the plan's database; its JDBC URL chooses the lock
     * @return the lock, not acquired yet
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
        if (url.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())) {
            return new InProcessLock();
        }
        return new LockFile(Path.of(System.getProperty("java.io.tmpdir"), "planb-locks"));
    }
}
