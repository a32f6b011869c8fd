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
 * JDK's own CFB, which runs block by block in Java, and without its garbage per read. Whole blocks
 * are decrypted straight into the caller's array; only a read shorter than a block and the last
 * partial block pass through a one-block buffer. The result is byte for byte that of
 * {@code AES/CFB/NoPadding}.
 */
final class CfbDecryptingInputStream extends FilterInputStream {

    private static final int BLOCK = 16;
    private static final int BUFFER = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher aes;
    /**
     * The previous ciphertext block at {@code [start, start + BLOCK)}, then the ciphertext read and
     * not yet decrypted, up to {@code BLOCK + end}.
     */
    private final byte[] ciphertext = new byte[BLOCK + BUFFER];
    private int start;
    private int end;
    private boolean ended;
    /** One decrypted block, for reads shorter than a block and for the last partial block. */
    private final byte[] block = new byte[BLOCK];
    private int blockPosition;
    private int blockLimit;

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
        if (blockPosition < blockLimit) {
            return fromBlock(b, off, len);
        }
        while (true) {
            int undecrypted = end - start;
            if (undecrypted >= BLOCK && len >= BLOCK) {
                int n = Math.min(undecrypted, len) / BLOCK * BLOCK;
                decrypt(b, off, n);
                return n;
            }
            if (undecrypted >= BLOCK || (ended && undecrypted > 0)) {
                blockLimit = Math.min(undecrypted, BLOCK);
                blockPosition = 0;
                decrypt(block, 0, blockLimit);
                return fromBlock(b, off, len);
            }
            if (ended) {
                return -1;
            }
            fill();
        }
    }

    @Override
    public int available() {
        return blockLimit - blockPosition;
    }

    @Override
    public long skip(long n) throws IOException {
        return ReadingSkip.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private int fromBlock(byte[] b, int off, int len) {
        int n = Math.min(len, blockLimit - blockPosition);
        System.arraycopy(block, blockPosition, b, off, n);
        blockPosition += n;
        return n;
    }

    /** Keeps the previous block and the undecrypted bytes (less than a block), and reads more ciphertext after them. */
    private void fill() throws IOException {
        System.arraycopy(ciphertext, start, ciphertext, 0, BLOCK + end - start);
        end -= start;
        start = 0;
        int n = in.read(ciphertext, BLOCK + end, BUFFER - end);
        if (n < 0) {
            ended = true;
        } else {
            end += n;
        }
    }

    /**
     * Decrypts the next {@code length} bytes of ciphertext into {@code target}, which has room for
     * {@code length} rounded up to whole blocks.
     */
    private void decrypt(byte[] target, int off, int length) throws IOException {
        int blocks = (length + BLOCK - 1) / BLOCK;
        try {
            // Key stream: the encryption of the previous block and of every block but the last one decrypted.
            aes.update(ciphertext, start, blocks * BLOCK, target, off);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES failed: " + e.getMessage(), e);
        }
        int from = BLOCK + start;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            LONGS.set(target, off + i, (long) LONGS.get(target, off + i) ^ (long) LONGS.get(ciphertext, from + i));
        }
        for (; i < length; i++) {
            target[off + i] ^= ciphertext[from + i];
        }
        start += length;
    }
}
