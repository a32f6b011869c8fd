/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.crypto.internal.OpenPgpEncryptingOutputStream;
import dev.planb.crypto.internal.OpenPgpKeys;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.PGPKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * How backups are encrypted: OpenPGP, so stock {@code gpg --decrypt} opens them. Preferably to
 * public keys, so that production holds only public keys and cannot read its own backups; add an
 * escrow key as a second recipient. Or with a passphrase, turned into a key by a slow, salted S2K.
 *
 * <pre>{@code
 * BackupPlan plan = BackupPlan.builder("app")
 *         .database(DatabaseSource.of("jdbc:sqlite:/var/lib/app/app.db"))
 *         .destination(new LocalDirectoryDestination(Path.of("/var/backups/app")))
 *         .encryption(Encryption.toPublicKeys(Path.of("/etc/app/ops-public.asc"), Path.of("/etc/app/escrow-public.asc")))
 *         .build();
 * }</pre>
 *
 * <p>Stored files get a {@code .gpg} suffix; the manifest records the mode, the algorithm and the
 * recipients' fingerprints, never a secret.
 */
public final class Encryption {

    /** The manifest's mode of an unencrypted artifact. */
    public static final String MODE_NONE = Manifest.ENCRYPTION_NONE;
    /** The manifest's mode of an artifact encrypted to public keys. */
    public static final String MODE_PUBLIC_KEY = Manifest.ENCRYPTION_PUBLIC_KEY;
    /** The manifest's mode of an artifact encrypted with a passphrase. */
    public static final String MODE_PASSPHRASE = Manifest.ENCRYPTION_PASSPHRASE;

    /** OpenPGP S2K iteration count byte 0xff: 65,011,712 bytes of SHA-256 per guess, the most the format allows. */
    private static final int S2K_COUNT = 0xff;
    private static final Encryption NONE = new Encryption(MODE_NONE, List.of(), List.of(), null);

    private final String mode;
    private final List<PGPPublicKey> keys;
    private final List<String> recipients;
    private final Secret passphrase;

    private Encryption(String mode, List<PGPPublicKey> keys, List<String> recipients, Secret passphrase) {
        this.mode = mode;
        this.keys = List.copyOf(keys);
        this.recipients = List.copyOf(recipients);
        this.passphrase = passphrase;
    }

    /**
     * No encryption: the default.
     *
     * @return the shared instance that leaves backups unencrypted
     */
    public static Encryption none() {
        return NONE;
    }

    /**
     * Encrypts to every public key in the given files (armored or binary, as {@code gpg --export}
     * or {@code planb keygen} write them); any one of the matching secret keys decrypts.
     *
     * @param publicKeyFiles the key files; at least one
     * @return an encryption to every distinct key found in those files
     * @throws PlanBException when no file is given, or naming the file when it is missing, holds no usable
     *         public key, or holds a secret key
     */
    public static Encryption toPublicKeys(List<Path> publicKeyFiles) {
        if (publicKeyFiles == null || publicKeyFiles.isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "encryption needs at least one public key file (planb keygen makes one)");
        }
        Map<String, PGPPublicKey> byFingerprint = new LinkedHashMap<>();
        for (Path file : publicKeyFiles) {
            for (PGPPublicKeyRing ring : OpenPgpKeys.readPublicKeys(file)) {
                byFingerprint.putIfAbsent(OpenPgpKeys.fingerprint(ring.getPublicKey()),
                        OpenPgpKeys.encryptionKey(ring, file));
            }
        }
        return new Encryption(MODE_PUBLIC_KEY, new ArrayList<>(byFingerprint.values()),
                new ArrayList<>(byFingerprint.keySet()), null);
    }

    /**
     * Encrypts to every public key in the given files; see {@link #toPublicKeys(List)}.
     *
     * @param publicKeyFiles the key files; at least one
     * @return an encryption to every distinct key found in those files
     * @throws PlanBException when no file is given, or naming the file when it is missing or holds no usable public key
     */
    public static Encryption toPublicKeys(Path... publicKeyFiles) {
        return toPublicKeys(List.of(publicKeyFiles));
    }

    /**
     * Encrypts with a passphrase. Whoever runs the backup can then also read it: prefer
     * {@link #toPublicKeys(List)} where possible.
     *
     * @param passphrase the passphrase; needed again to restore
     * @return an encryption with that passphrase
     * @throws PlanBException when the passphrase is empty
     */
    public static Encryption withPassphrase(Secret passphrase) {
        if (passphrase == null || passphrase.reveal().isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "the encryption passphrase is empty: set a long one");
        }
        return new Encryption(MODE_PASSPHRASE, List.of(), List.of(), passphrase);
    }

    /** {@return whether backups are encrypted} */
    public boolean isEnabled() {
        return !MODE_NONE.equals(mode);
    }

    /** {@return the mode as the manifest records it: {@link #MODE_NONE}, {@link #MODE_PUBLIC_KEY} or {@link #MODE_PASSPHRASE}} */
    public String mode() {
        return mode;
    }

    /** {@return the fingerprints of the primary keys encrypted to, upper-case hex; empty unless encrypting to public keys} */
    public List<String> recipients() {
        return recipients;
    }

    /** {@return the cipher and packet format, as the manifest records them; {@code null} when not encrypting} */
    public String algorithm() {
        if (!isEnabled()) {
            return null;
        }
        return MODE_PASSPHRASE.equals(mode)
                ? OpenPgpEncryptingOutputStream.ALGORITHM + ", key from iterated and salted SHA-256 S2K (65011712 bytes)"
                : OpenPgpEncryptingOutputStream.ALGORITHM;
    }

    /** {@return the suffix of encrypted files: {@code .gpg}; empty when not encrypting} */
    public String fileExtension() {
        return isEnabled() ? ".gpg" : "";
    }

    /**
     * Wraps a stream so that what is written to the result reaches {@code out} encrypted; closing
     * the result finishes the message and closes {@code out}. Returns {@code out} itself when not
     * encrypting.
     *
     * @param out where the encrypted bytes go
     * @return the stream to write plain bytes to
     * @throws IOException when the encryption cannot start or writing its header to {@code out} fails
     */

    public OutputStream encrypt(OutputStream out) throws IOException {
        if (!isEnabled()) {
            return out;
        }
        List<PGPKeyEncryptionMethodGenerator> methods = new ArrayList<>();
        if (passphrase != null) {
            methods.add(new BcPBEKeyEncryptionMethodGenerator(passphrase.reveal().toCharArray(), sha256(), S2K_COUNT));
        }
        keys.forEach(key -> methods.add(new BcPublicKeyKeyEncryptionMethodGenerator(key)));
        return OpenPgpEncryptingOutputStream.open(out, methods);
    }

    private static PGPDigestCalculator sha256() throws IOException {
        try {
            return new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256);
        } catch (PGPException e) {
            throw new IOException("SHA-256 is not available for the passphrase's key derivation", e);
        }
    }

    @Override
    public String toString() {
        return switch (mode) {
            case MODE_PUBLIC_KEY -> "Encryption[" + mode + " to " + String.join(", ", recipients) + "]";
            case MODE_PASSPHRASE -> "Encryption[" + mode + ", passphrase ******]";
            default -> "Encryption[none]";
        };
    }
}
