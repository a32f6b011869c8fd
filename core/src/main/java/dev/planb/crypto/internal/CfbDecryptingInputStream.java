/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.internal.stream.ReadingSkip;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * AES in CFB mode (full 16-byte feedback, as OpenPGP's integrity-protected packets use it), decrypted
 * in bulk. Each plaintext block is its ciphertext block XOR the encryption of the previous
 * ciphertext block (the IV for the first), so a whole buffer's key stream is one call of the
 * JDK's AES in ECB mode over the ciphertext shifted by one block: several times faster than the
 * JDK's own CFB, which runs block by block in Java, and without its garbage per read. The
 * result is byte for byte that of {@code AES/CFB/NoPadding}.
 */
final class CfbDecryptingInputStream extends FilterInputStream {

    private static final int BLOCK = 16;
    private static final int BUFFER = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher aes;
    /** The previous ciphertext block, then the ciphertext read and not yet decrypted. */
    private final byte[] ciphertext = new byte[BLOCK + BUFFER];
    private final byte[] plaintext = new byte[BUFFER];
    /** Ciphertext bytes after the previous block, fewer than a block once decrypted. */
    private int carried;
    private int position;
    private int limit;
    private boolean ended;

    /**
     * @param in the ciphertext
     * @param aesEncryptor AES in ECB mode without padding, initialised to encrypt with the session key
     * @param iv the initialisation vector, one block
     */
    CfbDecryptingInputStream(InputStream in, Cipher aesEncryptor, byte[] iv) {
        super(in);
        if (iv.length != BLOCK) {
            throw new IllegalArgumentException("the IV must be one block");
        }
        this.aes = aesEncryptor;
        System.arraycopy(iv, 0, ciphertext, 0, BLOCK);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == limit) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(plaintext, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    @Override
    public long skip(long n) throws IOException {
        return ReadingSkip.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads ciphertext and decrypts its whole blocks; at the end of the ciphertext, its last partial block too. */
    private void fill() throws IOException {
        int n = in.read(ciphertext, BLOCK + carried, BUFFER - carried);
        if (n < 0) {
            ended = true;
        } else {
            carried += n;
        }
        int length = ended ? carried : carried - carried % BLOCK;
        if (length == 0) {
            return;
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        try {
            // Key stream: the encryption of the previous block and of every whole block but the last one read.
            aes.update(ciphertext, 0, blocks * BLOCK, plaintext, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES failed: " + e.getMessage(), e);
        }
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            LONGS.set(plaintext, i, (long) LONGS.get(plaintext, i) ^ (long) LONGS.get(ciphertext, BLOCK + i));
        }
        for (; i < length; i++) {
            plaintext[i] ^= ciphertext[BLOCK + i];
        }
        position = 0;
        limit = length;
        if (!ended) {
            // The last whole block read becomes the previous block; the bytes after it are kept for the next read.
            System.arraycopy(ciphertext, length, ciphertext, 0, BLOCK + carried - length);
            carried -= length;
        }
    }
}
