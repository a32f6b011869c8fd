/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Counts the bytes that pass through, and tells a listener the running total. */
public final class CountingOutputStream extends FilterOutputStream {

    private final LongConsumer onCount;
    private long count;

    /** Counts without telling anyone. */
    public CountingOutputStream(OutputStream out) {
        this(out, total -> { });
    }

    /** Counts and calls {@code onCount} with the running total after each write. */
    public CountingOutputStream(OutputStream out, LongConsumer onCount) {
        super(out);
        this.onCount = onCount;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
        onCount.accept(count);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
        onCount.accept(count);
    }

    /** Bytes written so far. */
    public long count() {
        return count;
    }
}
