/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.files.DirectorySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code planb backup} that add directory trees to the backup. */
final class FilesOptions {

    @Option(names = "--files", paramLabel = "[NAME=]DIR",
            description = "Directory tree to back up in the same backup (uploads, configuration); repeatable."
                    + " NAME (default: the directory's name) names its archive files-NAME.tar.")
    List<String> directories = new ArrayList<>();

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Keep only files matching GLOB (relative path; without '/', the file name at any depth); repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out files and folders matching GLOB; repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--incremental", description = "Store only the files changed since the previous backup.")
    boolean incremental;

    @Option(names = "--skip-unreadable",
            description = "Leave out (and list in the manifest) files that cannot be read, instead of failing.")
    boolean skipUnreadable;

    /** Adds a {@link DirectorySource} per {@code --files} to the plan. */
    void addTo(BackupPlan.Builder plan) {
        if (directories.isEmpty() && (!includes.isEmpty() || !excludes.isEmpty() || incremental || skipUnreadable)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "--include, --exclude, --incremental and --skip-unreadable apply to --files DIR: add --files");
        }
        for (String directory : directories) {
            int equals = directory.indexOf('=');
            DirectorySource.Builder source = DirectorySource.builder(Path.of(equals < 0 ? directory : directory.substring(equals + 1)))
                    .include(includes.toArray(String[]::new))
                    .exclude(excludes.toArray(String[]::new))
                    .incremental(incremental)
                    .skipUnreadable(skipUnreadable);
            if (equals >= 0) {
                source.name(directory.substring(0, equals));
            }
            plan.files(source.build());
        }
    }
}
