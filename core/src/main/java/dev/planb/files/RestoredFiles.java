/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore wrote for one files source.
 *
 * @param source the source's name
 * @param directory where its tree was restored
 * @param files the regular files written
 * @param bytes their bytes
 * @param warnings entries that could not be restored as they were (named pipes, devices)
 */
public record RestoredFiles(String source, Path directory, long files, long bytes, List<String> warnings) {

    /**
     * Copies the list.
     *
     * @param source the source's name
     * @param directory where its tree was restored
     * @param files the regular files written
     * @param bytes their bytes
     * @param warnings entries that could not be restored as they were
     */
    public RestoredFiles {
        warnings = List.copyOf(warnings);
    }
}
