/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.util.Optional;
import java.util.UUID;

/**
 * The hidden name an upload gets beside its final one until it is complete: {@code .<name>.partial-<random>} in the
 * same folder. Listings skip hidden names, so an interrupted upload is never seen as an object, and
 * {@link dev.planb.spi.Destination#incompleteWrites(String)} finds them again by this name.
 *
 * <pre>{@code
 * String temporary = TemporaryNames.next("app/20261124T235903Z-3fa9c1/data.zst");
 * // app/20261124T235903Z-3fa9c1/.data.zst.partial-5b0c…
 * Optional<String> key = TemporaryNames.targetOf(temporary); // app/20261124T235903Z-3fa9c1/data.zst
 * }</pre>
 */
public final class TemporaryNames {

    private static final String PARTIAL = ".partial-";

    private TemporaryNames() {
    }

    /**
     * Makes a new temporary name, unique to this upload.
     *
     * @param path the final {@code /}-separated path or key
     * @return the temporary name in the same folder
     */
    public static String next(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + "." + path.substring(slash + 1) + PARTIAL + UUID.randomUUID();
    }

    /**
     * Finds the final name of a temporary one.
     *
     * @param path a {@code /}-separated path or key
     * @return the path an upload under the temporary name {@code path} was meant for; empty when it is no
     *     temporary name
     */
    public static Optional<String> targetOf(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        int partial = name.lastIndexOf(PARTIAL);
        if (!name.startsWith(".") || partial < 2) {
            return Optional.empty();
        }
        return Optional.of(path.substring(0, slash + 1) + name.substring(1, partial));
    }
}
