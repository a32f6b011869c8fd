/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.crypto.internal.OpenPgpDecryptor;
import dev.planb.spi.Manifest.Artifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What opens encrypted backups for a restore or a verification: the secret key file of one of
 * the recipients (kept offline, brought to the restore), or the passphrase. Files encrypted by
 * {@code gpg} to the same key open too.
 *
 * <pre>{@code
 * PlanB.restore(RestoreRequest.builder()
 *         .from(new LocalDirectoryDestination(Path.of("/mnt/offsite/app")))
 *         .target(DatabaseSource.of("jdbc:sqlite:/tmp/restored.db"))
 *         .decryption(Decryption.withSecretKey(Path.of("/media/usb/planb-backup-secret.asc"),
 *                 Secret.fromEnvironment("KEY_PASSPHRASE")))
 *         .build());
 * }</pre>
 */
public final class Decryption {

    private static final Decryption NONE = new Decryption(null);

    private final OpenPgpDecryptor decryptor;

    private Decryption(OpenPgpDecryptor decryptor) {
        this.decryptor = decryptor;
    }

    /**
     * No key: unencrypted backups restore, encrypted ones are refused with a message naming their keys.
     *
     * @return the shared instance that decrypts nothing
     */
    public static Decryption none() {
        return NONE;
    }

    /**
     * Decrypts with the secret key(s) in a file, read now.
     *
     * @param secretKeyFile armored or binary, as {@code planb keygen} or {@code gpg --export-secret-keys} write it
     * @param keyPassphrase the passphrase that protects the key, or {@code null} when it is not protected
     * @return a decryption that opens backups encrypted to that key
     * @throws PlanBException naming the file when it is missing or holds no secret key
     */
    public static Decryption withSecretKey(Path secretKeyFile, Secret keyPassphrase) {
        Objects.requireNonNull(secretKeyFile, "secretKeyFile");
        return new Decryption(OpenPgpDecryptor.withSecretKeys(secretKeyFile, keyPassphrase));
    }

    /**
     * Decrypts with an unprotected secret key file; see {@link #withSecretKey(Path, Secret)}.
     *
     * @param secretKeyFile armored or binary, as {@code planb keygen} or {@code gpg --export-secret-keys} write it
     * @return a decryption that opens backups encrypted to that key
     * @throws PlanBException naming the file when it is missing or holds no secret key
     */
    public static Decryption withSecretKey(Path secretKeyFile) {
        return withSecretKey(secretKeyFile, null);
    }

    /**
     * Decrypts backups encrypted with a passphrase.
     *
     * @param passphrase the passphrase the backups were encrypted with
     * @return a decryption that opens passphrase-encrypted backups
     * @throws PlanBException when the passphrase is empty
     */
    public static Decryption withPassphrase(Secret passphrase) {
        if (passphrase == null || passphrase.reveal().isEmpty()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "the decryption passphrase is empty");
        }
        return new Decryption(OpenPgpDecryptor.withPassphrase(passphrase));
    }

    /** {@return whether a key or passphrase was given} */
    public boolean isPresent() {
        return decryptor != null;
    }

    /**
     * Opens an encrypted artifact's stored bytes. The result's end is reported only once the
     * message's integrity code has matched.
     *
     * @param stored the stored bytes; closed with the result
     * @param artifact the artifact, whose recorded recipients are named when the key does not fit
     * @param file the artifact's location, for messages
     * @return the decrypted bytes

     * @throws PlanBException when no key or passphrase was given, or it does not fit
     * @throws IOException when the file is not an OpenPGP message or cannot be read
     */
    public InputStream decrypt(InputStream stored, Artifact artifact, String file) throws IOException {
        if (decryptor == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, file + " is encrypted "
                    + (Encryption.MODE_PASSPHRASE.equals(artifact.encryption())
                    ? "with a passphrase: give it (--passphrase-env VAR)"
                    : "to key(s) " + String.join(", ", artifact.recipients())
                            + ": give the secret key file of one of them (--decrypt-with KEYFILE)"));
        }
        return decryptor.open(stored, file, artifact.recipients());
    }

    @Override
    public String toString() {
        return "Decryption[" + (decryptor == null ? "none" : decryptor) + "]";
    }
}
