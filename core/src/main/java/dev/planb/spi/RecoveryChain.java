/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a {@link PointInTimeEngine} recovers from: a chain's first backup and, in log order, the log
 * files shipped after it, all read from one destination. PlanB selects the chain; every file is
 * checked against its manifest's checksum as the engine reads it, and a mismatch fails the read.
 */
public interface RecoveryChain {

    /** {@return the manifest of the chain's first backup} */
    Manifest base();

    /** {@return the manifests of the log files to replay, in log order} */
    List<Manifest> logs();

    /** {@return when the content of the newest log file was read}: later transactions are not in the chain. */
    Instant coveredUntil();

    /** {@return what the reader should know, one line each: gaps, partial files, a target beyond the shipped log} */
    List<String> warnings();

    /** {@return where the chain is read from, for messages} */
    String source();

    /**
     * Opens the first backup's content, decrypted and decompressed; its end is reported only once the
     * checksums matched.
     *
     * @return the content, which the caller closes
     * @throws IOException if it cannot be read, or (at its end) its checksum does not match
     */
    InputStream openBase() throws IOException;

    /**
     * Writes every log file of the chain, decrypted and decompressed, into {@code folder} under its log
     * name, checking each against its manifest.
     *
     * @param folder the folder to write the log files into
     * @return the files written, in log order
     * @throws IOException if a file cannot be read or written, or its checksum does not match
     */
    List<Path> fetchLogs(Path folder) throws IOException;
}
