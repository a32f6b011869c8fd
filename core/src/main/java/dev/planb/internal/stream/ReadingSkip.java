/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import java.io.IOException;
import java.io.InputStream;

/**
 * {@code skip} for filter streams that must see every byte they pass over (to hash or to decrypt it):
 * {@code FilterInputStream.skip} would let the stream below skip them unseen.
 */
public final class ReadingSkip {

    private ReadingSkip() {
    }

    /** Reads and discards up to {@code n} bytes through {@code stream}'s own {@code read}; returns how many. */
    public static long skip(InputStream stream, long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = stream.read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
