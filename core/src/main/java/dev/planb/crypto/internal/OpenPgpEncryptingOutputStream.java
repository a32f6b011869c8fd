/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.spi.support.Messages;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.PGPKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;

/**
 * Writes an OpenPGP message, as {@code gpg --encrypt} does: one AES-256 session key, wrapped for
 * each recipient (or by a passphrase), and the data in an integrity-protected packet (SEIPD v1
 * with a modification detection code) of streamed, partial-length chunks, so memory stays at two
 * 64 KiB buffers whatever the size. Closing finishes the message and closes the target.
 *
 * <p>The bulk cipher runs on the JDK's own AES (with the CPU's AES instructions), several times
 * faster than Bouncy Castle's pure-Java one; Bouncy Castle does the OpenPGP format and the keys.
 */
public final class OpenPgpEncryptingOutputStream extends FilterOutputStream {

    /** What the manifest records as the algorithm. */
    public static final String ALGORITHM = "AES-256, integrity-protected: OpenPGP SEIPD v1 with MDC";
    private static final int BUFFER_SIZE = 64 * 1024;

    private final OutputStream target;
    private final PGPEncryptedDataGenerator encryptor;
    private final PGPLiteralDataGenerator literal;
    private boolean closed;

    private OpenPgpEncryptingOutputStream(OutputStream target, PGPEncryptedDataGenerator encryptor,
            PGPLiteralDataGenerator literal, OutputStream plaintext) {
        super(plaintext);
        this.target = target;
        this.encryptor = encryptor;
        this.literal = literal;
    }

    /**
     * Starts a message on {@code target}.
     *
     * @param methods how the session key is wrapped: one per recipient key, or one passphrase
     */
    public static OutputStream open(OutputStream target, List<? extends PGPKeyEncryptionMethodGenerator> methods)
            throws IOException {
        PGPEncryptedDataGenerator encryptor = new PGPEncryptedDataGenerator(
                new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                        .setWithIntegrityPacket(true)
                        .setSecureRandom(new SecureRandom()));
        methods.forEach(encryptor::addMethod);
        try {
            OutputStream encrypted = encryptor.open(target, new byte[BUFFER_SIZE]);
            PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
            OutputStream plaintext = literal.open(encrypted, PGPLiteralData.BINARY, "", new Date(), new byte[BUFFER_SIZE]);
            return new OpenPgpEncryptingOutputStream(target, encryptor, literal, plaintext);
        } catch (PGPException e) {
            throw new IOException("Cannot start the encryption: " + Messages.firstLine(e), e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    /** Writes the last chunk and the integrity code, then closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream closeLast = target) {
            literal.close();
            encryptor.close();
        }
    }
}
