/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;

/**
 * The stored bytes of an encrypted file as Bouncy Castle's packet parser reads them: buffered
 * (64 KiB, and with the mark the parser needs to tell binary from armored messages), and never
 * asked how many bytes are available. A buffered stream asks its source {@code available()} after
 * every read that filled less than asked, and a file's stream answers with two system calls; the
 * source here answers 0 without asking, an estimate {@code available()}'s contract allows.
 */
final class BufferedCiphertext extends BufferedInputStream {

    private static final int BUFFER = 64 * 1024;

    /** @param stored the stored bytes, closed with this stream */
    BufferedCiphertext(InputStream stored) {
        super(new FilterInputStream(stored) {
            @Override
            public int available() {
                return 0;
            }
        }, BUFFER);
    }
}
