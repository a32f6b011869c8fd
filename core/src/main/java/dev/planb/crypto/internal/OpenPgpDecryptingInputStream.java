/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.internal.stream.ChecksumMismatchException;
import dev.planb.spi.support.Messages;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;

/**
 * The decrypted content of an OpenPGP message. When it ends, the message's integrity code is
 * checked, and a mismatch throws {@link ChecksumMismatchException} instead of reporting the end:
 * altered ciphertext is never taken for a complete plaintext.
 */
final class OpenPgpDecryptingInputStream extends FilterInputStream {

    private final PGPEncryptedData encrypted;
    private final InputStream ciphertext;
    private final String file;
    private boolean verified;

    /**
     * @param literal the literal data's content
     * @param encrypted the encrypted packet it comes from, whose integrity code is checked at the end
     * @param ciphertext the stored bytes, closed with this stream
     * @param file the artifact's location, named in errors
     */
    OpenPgpDecryptingInputStream(InputStream literal, PGPEncryptedData encrypted, InputStream ciphertext, String file) {
        super(literal);
        this.encrypted = encrypted;
        this.ciphertext = ciphertext;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        }
        return b;
    }

    /**
     * Fills {@code b} as far as the message goes: Bouncy Castle's integrity layer passes at most
     * 8 KiB per read, and a decompressor fed such pieces makes a native call, and copies its input
     * into its own window, for each.
     */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n < len) {
            verify(); // fewer bytes than asked: the message ended
            return n == 0 ? -1 : n;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        try (InputStream closeLast = ciphertext) {
            in.close();
        }
    }

    private void verify() throws IOException {
        if (verified) {
            return;
        }
        boolean intact;
        try {
            intact = encrypted.verify();
        } catch (PGPException | IOException e) {
            throw altered(Messages.firstLine(e));
        }
        if (!intact) {
            throw altered("the integrity code (MDC) does not match");
        }
        verified = true;
    }

    private ChecksumMismatchException altered(String reason) {
        return new ChecksumMismatchException(file + ": decryption failed its integrity check (" + reason
                + "): the encrypted file was altered or damaged");
    }
}
