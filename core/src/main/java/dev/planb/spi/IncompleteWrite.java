/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A write that never completed and that {@link Destination#list(String)} therefore does not show:
 * a hidden partial file of a killed run, an S3 multipart upload that was never completed or aborted.
 * {@code planb cleanup} finds them with {@link Destination#incompleteWrites(String)} and removes the old
 * ones with {@link Destination#discard(IncompleteWrite)}.
 *
 * @param key the key the object was to get
 * @param handle what the destination needs to remove it (a file name, an upload id); never shown as a key
 * @param size bytes written so far, or -1 when unknown
 * @param lastWritten when it was last written to (or started, when the storage only knows that)
 */
public record IncompleteWrite(String key, String handle, long size, Instant lastWritten) {

    /**
     * Checks the values.
     *
     * @param key the key the object was to get
     * @param handle what the destination needs to remove it
     * @param size bytes written so far, or -1
     * @param lastWritten when it was last written to
     * @throws NullPointerException if {@code key}, {@code handle} or {@code lastWritten} is null
     */
    public IncompleteWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(lastWritten, "lastWritten");
    }
}
