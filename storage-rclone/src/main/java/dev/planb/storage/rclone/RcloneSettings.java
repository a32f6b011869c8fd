/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import java.nio.file.Path;

/**
 * Everything needed to drive rclone, as checked by {@link RcloneDestination.Builder#build()}.
 *
 * @param remote the remote's name in rclone's config file
 * @param path the folder on the remote, without a trailing slash (may be empty: the remote's root)
 * @param config rclone's config file, or {@code null} to let rclone find it (RCLONE_CONFIG, then its default place)
 * @param binary the rclone executable
 * @param writeOnly whether the remote's credentials may not delete, so PlanB never tries
 */
record RcloneSettings(String remote, String path, Path config, String binary, boolean writeOnly) {

    /** {@code rclone://remote:path}: no secrets (those stay in rclone's config file). */
    String description() {
        return "rclone://" + remote + ":" + path;
    }

    /** The remote path of a key, as rclone takes it. */
    String target(String key) {
        return remote + ":" + (path.isEmpty() ? key : path.endsWith("/") ? path + key : path + "/" + key);
    }

    /** The remote path of the folder itself. */
    String root() {
        return remote + ":" + path;
    }
}
