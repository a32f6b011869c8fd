/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read through it and tells a listener the running total. */
public final class CountingInputStream extends FilterInputStream {

    private final LongConsumer onCount;
    private long count;

    /** Counts and calls {@code onCount} with the running total after each read. */
    public CountingInputStream(InputStream in, LongConsumer onCount) {
        super(in);
        this.onCount = onCount;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
            onCount.accept(count);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
            onCount.accept(count);
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }
}
