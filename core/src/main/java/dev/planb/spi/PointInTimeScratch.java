/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;
import java.io.IOException;

/**
 * A throwaway place for a point-in-time restore drill: a scratch database on a drill server
 * (MariaDB/MySQL), or a scratch data directory run on a private port (PostgreSQL). Everything is
 * removed on {@link #close()}.
 */
public interface PointInTimeScratch extends AutoCloseable {

    /** {@return where {@link PointInTimeEngine#recover} restores the drill} */
    RecoveryDestination destination();

    /**
     * Opens the restored copy, after the recovery; for PostgreSQL this starts a server on the data directory.
     *
     * @return the restored database to check, with the credentials to read it
     * @throws IOException if it cannot be opened
     */
    DatabaseSource open() throws IOException;

    /** Removes the scratch database or data directory; never throws (failures are logged). */
    @Override
    void close();
}
