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

    private final ErrorCode code;

    /**
     * @param code what kind of failure this is
     * @param message one actionable sentence, without secrets
     */
    public PlanBException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code what kind of failure this is
     * @param message one actionable sentence, without secrets
     * @param cause the underlying failure, kept for {@code --verbose} traces
     */
    public PlanBException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What kind of failure this is. */
    public ErrorCode code() {
        return code;
    }
}
