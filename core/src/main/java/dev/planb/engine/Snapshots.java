/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine;

import dev.planb.spi.support.ProcessOwnedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary snapshot files, named after the process that made them, so that the snapshots left
 * by a killed process are removed by the next run rather than filling the disk.
 */
final class Snapshots {

    private static final String PREFIX = "planb-snapshot-";

    private Snapshots() {
    }

    /** A new, empty snapshot file in {@code java.io.tmpdir}, after removing those of dead processes. */
    static Path create() throws IOException {
        removeOrphans();
        return Files.createTempFile(folder(), ProcessOwnedFiles.prefix(PREFIX), ".tmp");
    }

    /** Removes the snapshot files of processes that are gone (killed runs). */
    static void removeOrphans() throws IOException {
        ProcessOwnedFiles.removeOrphans(folder(), PREFIX);
    }

    private static Path folder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
