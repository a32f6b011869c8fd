/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import java.util.Objects;

/**
 * The one exception PlanB throws for conditions a user can act on. The message is a single
 * sentence that names the setting, file or host concerned and what to do; it never contains a
 * secret.
 */
public class PlanBException extends RuntimeException {

    /** What kind of failure this is; never null. */
    private final ErrorCode code;

    /**
     * An exception with no underlying cause.
     *
     * @param code what kind of failure this is
     * @param message one actionable sentence, without secrets
     * @throws NullPointerException when {@code code} is null
     */
    public PlanBException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * An exception that translates another (a vendor's, an I/O failure) into one a user can act on.
     *
     * @param code what kind of failure this is
     * @param message one actionable sentence, without secrets
     * @param cause the underlying failure, kept for {@code --verbose} traces
     * @throws NullPointerException when {@code code} is null
     */
    public PlanBException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** {@return what kind of failure this is; its {@link ErrorCode#exitCode()} is the CLI's exit status} */
    public ErrorCode code() {
        return code;
    }
}
