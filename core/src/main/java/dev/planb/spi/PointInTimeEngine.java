/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link DatabaseEngine} adds to support point-in-time recovery: a log chain (a first backup
 * plus the transaction log shipped after it) and the restore of a chain to a chosen point. Built in
 * for PostgreSQL (base backup + WAL) and MariaDB/MySQL (dump with binlog coordinates + binlogs).
 */
public interface PointInTimeEngine extends DatabaseEngine {

    /**
     * {@return the log's format as manifests record it: {@code wal} or {@code binlog}}; it also says how log file
     * names are ordered and when one follows another ({@link dev.planb.catalog.LogFileNames}).
     */
    String logFormat();

    /**
     * What the server lacks for log shipping, one line per missing setting or privilege, each naming
     * the setting and what to do; empty when streaming can start.
     *
     * @param source the database whose log is to be shipped
     * @return the problems, one line each
     * @throws dev.planb.PlanBException when the database cannot be reached at all
     */
    List<String> streamingProblems(DatabaseSource source);

    /**
     * Opens a streaming session of plan {@code plan} that receives the log into {@code folder}
     * (empty, private to the session). Nothing runs before {@link LogStream#begin}.
     *
     * @param source the database whose log is received
     * @param plan the plan's name
     * @param folder the empty folder the log files are received into
     * @return the session, not yet started
     * @throws IOException if the session cannot be prepared
     */
    LogStream openStream(DatabaseSource source, String plan, Path folder) throws IOException;

    /**
     * Restores {@code chain} to {@code target} at {@code where}, and says which moment it reached.
     *
     * @param chain the base backup and the log files to replay
     * @param target the moment to recover to
     * @param where the database or data directory to restore into
     * @return the moment the recovery reached
     * @throws IOException if a stored file cannot be read or written
     * @throws dev.planb.PlanBException when the chain cannot reach the target or the tools fail,
     *     saying why and what to do
     */
    RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, RecoveryDestination where) throws IOException;

    /**
     * A scratch place for a point-in-time restore drill of the database {@code live} (whose user and
     * password read the restored copy). By default a scratch database on {@code drillServer}, made with
     * {@link #scratchDatabases()}; PostgreSQL, which restores whole data directories, overrides this.
     *
     * @param live the drilled database
     * @param drillServer the server to make a scratch database on, when the engine needs one
     * @return the scratch place, which the caller closes to remove it
     * @throws IOException if the scratch place cannot be prepared
     * @throws PlanBException when the engine cannot make one, or no drill server is given where one is needed
     */
    default PointInTimeScratch scratch(DatabaseSource live, Optional<DatabaseSource> drillServer) throws IOException {
        ScratchDatabases databases = scratchDatabases().orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING,
                name() + " cannot make scratch databases for a point-in-time drill"));
        DatabaseSource server = drillServer.orElseThrow(() -> new PlanBException(ErrorCode.INVALID_SETTING,
                "A point-in-time drill of a " + name() + " database restores into a scratch database: name the server"
                        + " to drill on"));
        ScratchDatabase database = databases.create(server);
        return new PointInTimeScratch() {
            @Override
            public RecoveryDestination destination() {
                return RecoveryDestination.database(database.source(), true);
            }

            @Override
            public DatabaseSource open() {
                return database.source();
            }

            @Override
            public void close() {
                database.close();
            }
        };
    }

    /**
     * Markdown for the {@code RESTORE.md} of a chain's first backup or of a log file: how to replay the
     * log by hand with stock tools.
     *
     * @param manifest the manifest of the chain's first backup or of the log file
     * @return the Markdown steps
     */
    String manualRecoverySteps(Manifest manifest);
}
