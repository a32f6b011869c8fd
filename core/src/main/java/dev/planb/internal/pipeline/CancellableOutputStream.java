/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Fails every write once its run is cancelled, so a dump that ignores thread interrupts (a JDBC
 * dump busy in a driver) still stops at its next write.
 */
public final class CancellableOutputStream extends FilterOutputStream {

    private final RunControl control;

    /** Writes to {@code out} until {@code control}'s run is cancelled. */
    public CancellableOutputStream(OutputStream out, RunControl control) {
        super(out);
        this.control = control;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        check();
        out.write(b, off, len);
    }

    private void check() throws InterruptedIOException {
        if (control.cancellation().isPresent()) {
            throw new InterruptedIOException(control.cancellation().get().getMessage());
        }
    }
}
