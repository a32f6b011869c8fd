/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import java.io.IOException;

/** Thrown at the end of a stored artifact whose size or SHA-256 differs from its manifest. */
public final class ChecksumMismatchException extends IOException {

    /** @param message names the file and both values */
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
