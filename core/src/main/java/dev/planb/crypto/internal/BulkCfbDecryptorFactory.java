/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import java.io.InputStream;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.PGPDataDecryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.SessionKeyDataDecryptorFactory;

/**
 * Decrypts the integrity-protected (SEIPD v1) AES packets that PlanB and {@code gpg} write with
 * {@link CfbDecryptingInputStream}; every other packet, and the integrity code's digest, goes to
 * the JDK-backed factory it wraps. A restore of an encrypted backup spends most of its
 * decryption time in the JDK's block-by-block CFB otherwise.
 */
final class BulkCfbDecryptorFactory implements SessionKeyDataDecryptorFactory {

    private static final int BLOCK = 16;

    private final SessionKeyDataDecryptorFactory jdk;

    /** @param jdk the factory for everything but the bulk AES-CFB decryption */
    BulkCfbDecryptorFactory(SessionKeyDataDecryptorFactory jdk) {
        this.jdk = jdk;
    }

    @Override
    public PGPSessionKey getSessionKey() {
        return jdk.getSessionKey();
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(boolean withIntegrityPacket, int algorithm, byte[] key)
            throws PGPException {
        PGPDataDecryptor fallback = jdk.createDataDecryptor(withIntegrityPacket, algorithm, key);
        if (!withIntegrityPacket || !isAes(algorithm)) {
            return fallback;
        }
        Cipher aes;
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            return fallback;
        }
        return new PGPDataDecryptor() {
            @Override
            public InputStream getInputStream(InputStream in) {
                // SEIPD v1: plain CFB from a zero IV (the random prefix takes the IV's role).
                return new CfbDecryptingInputStream(in, aes, new byte[BLOCK]);
            }

            @Override
            public int getBlockSize() {
                return BLOCK;
            }

            @Override
            public PGPDigestCalculator getIntegrityCalculator() {
                return fallback.getIntegrityCalculator();
            }
        };
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(AEADEncDataPacket packet, PGPSessionKey sessionKey) throws PGPException {
        return jdk.createDataDecryptor(packet, sessionKey);
    }

    @Override
    public PGPDataDecryptor createDataDecryptor(SymmetricEncIntegrityPacket packet, PGPSessionKey sessionKey)
            throws PGPException {
        return jdk.createDataDecryptor(packet, sessionKey);
    }

    private static boolean isAes(int algorithm) {
        return algorithm == SymmetricKeyAlgorithmTags.AES_128 || algorithm == SymmetricKeyAlgorithmTags.AES_192
                || algorithm == SymmetricKeyAlgorithmTags.AES_256;
    }
}
