/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

/**
 * A manifest that does not parse, does not match its own checksum or lacks a field: its backup
 * is damaged. The message says what is wrong, as the end of a sentence that starts with the
 * manifest's location, e.g. {@code does not match its own checksum (…)}.
 */
public final class DamagedManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A damage found without an underlying exception.
     *
     * @param reason what is wrong, as the end of a sentence that starts with the manifest's location
     */
    public DamagedManifestException(String reason) {
        super(reason);
    }

    /**
     * A damage found through an exception, e.g. a JSON parse error.
     *
     * @param reason what is wrong, as the end of a sentence that starts with the manifest's location
     * @param cause the exception that revealed it
     */
    public DamagedManifestException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
