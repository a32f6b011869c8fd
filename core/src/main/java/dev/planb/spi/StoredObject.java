/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.util.Objects;

/**
 * An object found on a destination.
 *
 * @param key its key, relative to the destination's root, {@code /}-separated
 * @param size its size in bytes
 */
public record StoredObject(String key, long size) {

    /**
     * Validates the key.
     *
     * @param key its key, not null
     * @param size its size in bytes
     */
    public StoredObject {
        Objects.requireNonNull(key, "key");
    }
}
