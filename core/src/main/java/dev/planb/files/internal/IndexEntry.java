/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import java.time.Instant;

/**
 * One line of an incremental source's index: a regular file and where its bytes are stored.
 *
 * @param path the path relative to the source's directory, {@code /}-separated
 * @param size the size in bytes
 * @param modified the modification time
 * @param sha256 the SHA-256 of the content, lower-case hex
 * @param backup the id of the backup whose tar holds the content
 */
record IndexEntry(String path, long size, Instant modified, String sha256, String backup) {
}
