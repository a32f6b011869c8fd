/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.crypto.BackupKeyPair;
import dev.planb.crypto.Encryption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenPgpDecryptorTest {

    @TempDir
    Path keys;

    @Test
    void readsTheStoredBytesWithoutAskingThemHowManyAreAvailable() throws Exception {
        BackupKeyPair.generate("test", null).writeTo(keys);
        byte[] plaintext = new byte[3 * 1024 * 1024 + 17];
        new Random(11).nextBytes(plaintext);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        try (OutputStream out = Encryption.toPublicKeys(keys.resolve(BackupKeyPair.PUBLIC_KEY_FILE))
                .encrypt(ciphertext)) {
            out.write(plaintext);
        }
        Stored stored = new Stored(ciphertext.toByteArray());

        OpenPgpDecryptor decryptor = OpenPgpDecryptor.withSecretKeys(keys.resolve(BackupKeyPair.SECRET_KEY_FILE), null);
        try (InputStream decrypted = decryptor.open(stored, "test.gpg", List.of())) {
            assertThat(decrypted.readAllBytes()).isEqualTo(plaintext);
        }
        // A file's available() costs two system calls; Bouncy Castle's packet streams asked it after each short read.
        assertThat(stored.availableCalls).isZero();
        assertThat(stored.closed).isTrue();
    }

    /** Stored bytes as a remote or file stream gives them: reads shorter than asked, counted calls of available(). */
    private static final class Stored extends ByteArrayInputStream {
        int availableCalls;
        boolean closed;

        Stored(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 5000));
        }

        @Override
        public synchronized int available() {
            availableCalls++;
            return super.available();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
