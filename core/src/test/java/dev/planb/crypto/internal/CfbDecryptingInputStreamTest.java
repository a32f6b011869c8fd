/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CfbDecryptingInputStreamTest {

    private final Random random = new Random(42);
    private final byte[] key = bytes(32);
    private final byte[] iv = bytes(16);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 31, 32, 1000, 65_535, 65_536, 65_537, 200_003})
    void decryptsAsTheJdksCfbModeWhateverTheLengthAndTheReads(int length) throws Exception {
        byte[] plaintext = bytes(length);
        Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
        cfb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        byte[] ciphertext = cfb.doFinal(plaintext);

        assertThat(readAll(decrypting(new ByteArrayInputStream(ciphertext)), 64 * 1024)).isEqualTo(plaintext);
        assertThat(readAll(decrypting(new ByteArrayInputStream(ciphertext)), 7)).isEqualTo(plaintext);
        assertThat(readAll(decrypting(new ShortReads(ciphertext)), 4096)).isEqualTo(plaintext);
        assertThat(readMixed(decrypting(new ShortReads(ciphertext)))).isEqualTo(plaintext);
        assertThat(readMixed(decrypting(new ByteArrayInputStream(ciphertext)))).isEqualTo(plaintext);
        InputStream oneByOne = decrypting(new ShortReads(ciphertext));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = oneByOne.read(); b >= 0; b = oneByOne.read()) {
            out.write(b);
        }
        assertThat(out.toByteArray()).isEqualTo(plaintext);
    }

    private CfbDecryptingInputStream decrypting(InputStream ciphertext) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return new CfbDecryptingInputStream(ciphertext, ecb, iv);
    }

    private static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads 1 to 8,200 bytes at a time, at varying offsets of a larger array. */
    private static byte[] readMixed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] sizes = {1, 8192, 5, 16, 8200, 17, 3, 31, 4096};
        byte[] buffer = new byte[8192 + 40];
        for (int i = 0;; i++) {
            int off = i % 23;
            int n = in.read(buffer, off, sizes[i % sizes.length]);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, off, n);
        }
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Returns fewer bytes than asked, 1 to 37 at a time, as a network stream may. */
    private static final class ShortReads extends ByteArrayInputStream {
        private final Random random = new Random(7);

        ShortReads(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(37)));
        }
    }
}
