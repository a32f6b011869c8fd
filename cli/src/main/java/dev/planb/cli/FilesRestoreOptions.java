/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.RestoreRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of {@code planb restore} that restore a backup's directory trees. */
final class FilesRestoreOptions {

    @Option(names = "--files-to", paramLabel = "DIR",
            description = "Restore the backup's files into DIR: each source into DIR/NAME, or with --files-source straight into DIR."
                    + " DIR must be missing or empty unless --force.")
    Path filesTo;

    @Option(names = "--files-source", paramLabel = "NAME", description = "Restore only this files source.")
    String source;

    @Option(names = "--files-glob", paramLabel = "GLOB", description = "Restore only the files matching GLOB.")
    String glob;

    /** Whether files are to be restored. */
    boolean requested() {
        return filesTo != null;
    }

    /** Sets the files part of a restore request. */
    RestoreRequest.Builder applyTo(RestoreRequest.Builder request) {
        return request.filesTo(filesTo).filesSource(source).filesGlob(glob);
    }
}
