/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.util.List;
import java.util.Set;

/**
 * What archiving a tree found.
 *
 * @param fileCount the regular files in the tree
 * @param totalSize their bytes
 * @param storedFiles the regular files whose bytes went into the archive
 * @param storedSize those bytes
 * @param warnings files that changed or vanished while being read
 * @param skipped unreadable files left out
 * @param referencedBackups the backups whose archives hold the bytes of the indexed files
 */
record ArchiveSummary(long fileCount, long totalSize, long storedFiles, long storedSize, List<String> warnings,
        List<String> skipped, Set<String> referencedBackups) {
}
