/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a point-in-time restore goes: a new PostgreSQL data directory, or a MariaDB/MySQL database.
 *
 * @param dataDirectory for PostgreSQL, the folder to create the recovered data directory in (absent or empty)
 * @param database for MariaDB/MySQL, the database to restore into
 * @param force whether a database that holds data may be replaced
 */
public record RecoveryDestination(Path dataDirectory, DatabaseSource database, boolean force) {

    /**
     * Restores into a new PostgreSQL data directory.
     *
     * @param directory the folder to create it in, absent or empty
     * @return the destination
     */
    public static RecoveryDestination dataDirectory(Path directory) {
        return new RecoveryDestination(directory, null, false);
    }

    /**
     * Restores into a MariaDB/MySQL database.
     *
     * @param database the database to restore into
     * @param force whether it may be replaced when it holds data
     * @return the destination
     */
    public static RecoveryDestination database(DatabaseSource database, boolean force) {
        return new RecoveryDestination(null, database, force);
    }

    /** {@return the data directory, when restoring one} */
    public Optional<Path> directory() {
        return Optional.ofNullable(dataDirectory);
    }

    /** {@return the database, when restoring into one} */
    public Optional<DatabaseSource> target() {
        return Optional.ofNullable(database);
    }

    /** {@return for messages: the folder, the database's redacted URL, or {@code nowhere}} */
    public String describe() {
        return dataDirectory != null ? dataDirectory.toString() : database == null ? "nowhere" : database.redactedUrl();
    }
}
