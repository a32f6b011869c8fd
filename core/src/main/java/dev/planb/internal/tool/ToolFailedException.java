/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import java.io.IOException;

/** A database tool exited with a non-zero status; the message carries the end of its standard error. */
public final class ToolFailedException extends IOException {

    private final int exitStatus;

    /** A failure of tool {@code name} with {@code exitStatus} and the last lines of its standard error. */
    public ToolFailedException(String name, int exitStatus, String stderrTail) {
        super(name + " failed (exit status " + exitStatus + ")"
                + (stderrTail.isBlank() ? "" : ": " + stderrTail));
        this.exitStatus = exitStatus;
    }

    /** The tool's exit status. */
    public int exitStatus() {
        return exitStatus;
    }
}
