/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto.internal;

import dev.planb.Secret;
import dev.planb.spi.support.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Makes an OpenPGP key pair that every {@code gpg} since 2.1 reads: an Ed25519 primary key that
 * certifies, and a Curve25519 subkey that decrypts, both version 4. The secret half is protected
 * by AES-256 with an iterated and salted SHA-256 S2K when a passphrase is given.
 */
public final class OpenPgpKeyPairGenerator {

    private OpenPgpKeyPairGenerator() {
    }

    /** An armored public key and its armored secret key, and the primary key's fingerprint. */
    public record Armored(String fingerprint, String publicKey, String secretKey) {
        @Override
        public String toString() {
            return "Armored[" + fingerprint + ", secret key ******]";
        }
    }

    /**
     * Generates a key pair.
     *
     * @param userId the name shown by {@code gpg --list-keys}, e.g. {@code PlanB backups <ops@example.com>}
     * @param passphrase protects the secret key; {@code null} leaves it unprotected
     */
    public static Armored generate(String userId, Secret passphrase) throws IOException {
        try {
            SecureRandom random = new SecureRandom();
            Date now = new Date();
            Ed25519KeyPairGenerator signing = new Ed25519KeyPairGenerator();
            signing.init(new Ed25519KeyGenerationParameters(random));
            X25519KeyPairGenerator encrypting = new X25519KeyPairGenerator();
            encrypting.init(new X25519KeyGenerationParameters(random));
            BcPGPKeyPair primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY,
                    signing.generateKeyPair(), now);
            BcPGPKeyPair subkey = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH,
                    encrypting.generateKeyPair(), now);

            PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
            primaryPackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            primaryPackets.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
            primaryPackets.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
            primaryPackets.setPreferredCompressionAlgorithms(false, new int[] {CompressionAlgorithmTags.UNCOMPRESSED});
            primaryPackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            PGPSignatureSubpacketGenerator subkeyPackets = new PGPSignatureSubpacketGenerator();
            subkeyPackets.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);

            PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
            PBESecretKeyEncryptor protection = passphrase == null ? null
                    : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0xff)
                            .setSecureRandom(random).build(passphrase.reveal().toCharArray());
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId, sha1,
                    primaryPackets.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                    protection);
            generator.addSubKey(subkey, subkeyPackets.generate(), null);
            return new Armored(OpenPgpKeys.fingerprint(primary.getPublicKey()),
                    armor(out -> generator.generatePublicKeyRing().encode(out)),
                    armor(out -> generator.generateSecretKeyRing().encode(out)));
        } catch (PGPException e) {
            throw new IOException("Cannot generate the key pair: " + Messages.firstLine(e), e);
        }
    }

    private interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static String armor(Encoder encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            encoder.encode(armored);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
