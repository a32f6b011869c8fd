/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.spi.TableCount;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Counts the dumped tables' rows in the snapshot-exporting transaction while {@code pg_dump}
 * reads the same snapshot, so counting adds no time to the backup. The connection belongs to
 * the counting thread until {@link #await()} returns; {@link #abandon()} closes it under the
 * count when the dump failed or was interrupted.
 */
final class BackgroundCounts {

    private final Connection connection;
    private final FutureTask<List<TableCount>> counting;

    private BackgroundCounts(Connection connection, PostgresOptions options) {
        this.connection = connection;
        this.counting = new FutureTask<>(() -> PgTables.count(connection, options));
    }

    /** Starts counting the tables {@code options} select, in {@code connection}'s transaction. */
    static BackgroundCounts start(Connection connection, PostgresOptions options) {
        BackgroundCounts counts = new BackgroundCounts(connection, options);
        Thread thread = new Thread(counts.counting, "planb-postgres-counts");
        thread.setDaemon(true);
        thread.start();
        return counts;
    }

    /** The counts, once done. */
    List<TableCount> await() throws SQLException, InterruptedIOException {
        try {
            return counting.get();
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("counting rows was stopped: the run was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("counting rows failed", e.getCause());
        }
    }

    /** Stops counting by closing the connection under it; for a dump that failed. */
    void abandon() {
        if (!counting.isDone()) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException e) {
                // Closing is all that is left to do, and the caller closes it too.
            }
        }
    }
}
