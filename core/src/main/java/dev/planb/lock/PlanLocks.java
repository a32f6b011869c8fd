package dev.planb.lock;

import dev.planb.DatabaseSource;
import dev.planb.engine.SqliteEngine;
import java.nio.file.Path;

/** Chooses the lock a plan uses when none is set. */
public final class PlanLocks {

    private PlanLocks() {
    }

    /**
     * The default lock for a database: a {@link LockFile} beside a SQLite database file (every
     * instance that shares the file sees it), and in {@code java.io.tmpdir/planb-locks} for
     * other databases.
     */
    public static PlanLock defaultFor(DatabaseSource database) {
        String url = database.jdbcUrl();
        if (url.startsWith("jdbc:sqlite:")) {
            Path file = SqliteEngine.databaseFile(database).toAbsolutePath();
            return new LockFile(file.getParent());
        }
        return new LockFile(Path.of(System.getProperty("java.io.tmpdir"), "planb-locks"));
    }
}
