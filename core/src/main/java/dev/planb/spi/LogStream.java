/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import dev.planb.spi.Manifest.LogInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One streaming session of an engine: takes the chain's first backup, and runs the tool that receives
 * the log into the session's folder ({@code pg_receivewal}, {@code mariadb-binlog}). The
 * {@code LogStreamer} ships what lands in that folder.
 */
public interface LogStream extends AutoCloseable {

    /** {@return the first backup's file name before compression, e.g. {@code base.tar}} */
    String baseFileName();

    /** {@return the first backup's manifest kind: {@code base} or {@code full}} */
    String baseKind();

    /**
     * Writes the chain's first backup to {@code out} (not closed) and makes sure the receiver runs
     * from a point at or before it, so no log is missing between the two.
     *
     * @param out where the first backup is written, left open
     * @return the first backup's versions and where it starts in the log
     * @throws IOException if the backup or the receiver fails
     */
    ChainStart begin(OutputStream out) throws IOException;

    /**
     * Lists the session's folder.
     *
     * @return the log files in the folder now
     * @throws IOException if the folder cannot be read
     */
    LogFiles scan() throws IOException;

    /** {@return why the receiver stopped (its last error line), or empty while it runs} */
    Optional<String> receiverStopped();

    /**
     * Starts the receiver again after it stopped, from where the folder ends.
     *
     * @throws IOException if the receiver cannot be started
     */
    void restartReceiver() throws IOException;

    /** Stops the receiver cleanly (it flushes what it received) and frees what the session holds on the server. */
    @Override
    void close();

    /**
     * What {@link #begin} reports.
     *
     * @param dump the versions (and, for a dump, tables and row counts) of the first backup
     * @param start where the first backup starts in the log
     */
    record ChainStart(DumpResult dump, LogInfo start) {
    }

    /**
     * The log files in the session's folder.
     *
     * @param complete files the receiver has finished, in log order
     * @param current the file it is writing, if any
     * @param currentName that file's log name (e.g. without {@code .partial})
     */
    record LogFiles(List<Path> complete, Optional<Path> current, Optional<String> currentName) {

        /**
         * Copies the list.
         *
         * @param complete the finished files, in log order
         * @param current the file being written, if any
         * @param currentName that file's log name, if any
         */
        public LogFiles {
            complete = List.copyOf(complete);
        }
    }
}
