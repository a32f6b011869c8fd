/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import dev.planb.crypto.Encryption;
import dev.planb.internal.stream.CountingOutputStream;
import dev.planb.spi.Manifest.OpenPgp;
import dev.planb.spi.support.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The encryption step of a backup: between compression and the stored bytes' checksum. When the
 * plan encrypts, it also counts and checksums the bytes before encryption, so a restore can check
 * what it decrypted and a person can check what {@code gpg --decrypt} gave them.
 */
final class EncryptionStage {

    private final Encryption encryption;
    private final MessageDigest plaintextSha256 = Sha256.newDigest();
    private final CountingOutputStream input;

    /** Encrypts what is written to {@link #input()} onto {@code stored}. */
    EncryptionStage(Encryption encryption, OutputStream stored) throws IOException {
        this.encryption = encryption;
        this.input = new CountingOutputStream(encryption.isEnabled()
                ? new DigestOutputStream(encryption.encrypt(stored), plaintextSha256)
                : stored);
    }

    /** Where the compressed dump goes. */
    OutputStream input() {
        return input;
    }

    /** What the manifest records about the encryption, once {@link #input()} is closed; {@code null} when not encrypted. */
    OpenPgp details() {
        if (!encryption.isEnabled()) {
            return null;
        }
        return new OpenPgp(encryption.algorithm(), encryption.recipients(), input.count(),
                HexFormat.of().formatHex(plaintextSha256.digest()));
    }
}
