/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.crypto.internal.OpenPgpKeyPairGenerator;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A new OpenPGP key pair for encrypting backups: the public half goes to production
 * ({@link Encryption#toPublicKeys(Path...)}), the secret half goes offline and comes back only
 * for a restore ({@link Decryption#withSecretKey(Path, Secret)}). Both are armored text that
 * {@code gpg --import} reads.
 *
 * <pre>{@code
 * BackupKeyPair keys = BackupKeyPair.generate("PlanB backups <ops@example.com>", Secret.fromEnvironment("KEY_PASSPHRASE"));
 * keys.writeTo(Path.of("keys"));   // keys/planb-backup-public.asc, keys/planb-backup-secret.asc (0600)
 * }</pre>
 */
public final class BackupKeyPair {

    /** The public key's file name in {@link #writeTo(Path)}'s folder. */
    public static final String PUBLIC_KEY_FILE = "planb-backup-public.asc";
    /** The secret key's file name in {@link #writeTo(Path)}'s folder. */
    public static final String SECRET_KEY_FILE = "planb-backup-secret.asc";

    private final OpenPgpKeyPairGenerator.Armored keys;

    private BackupKeyPair(OpenPgpKeyPairGenerator.Armored keys) {
        this.keys = keys;
    }

    /**
     * Generates a key pair: Ed25519 to certify, Curve25519 to decrypt.
     *
     * @param userId the name {@code gpg --list-keys} shows, e.g. {@code PlanB backups <ops@example.com>}
     * @param passphrase protects the secret key; {@code null} leaves it unprotected (then protect the file)
     * @return the new key pair, held in memory until {@link #writeTo(Path)}
     * @throws PlanBException when {@code userId} is blank
     */
    public static BackupKeyPair generate(String userId, Secret passphrase) {
        if (userId == null || userId.isBlank()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "the key's user id is empty: give a name, e.g. 'PlanB backups <ops@example.com>'");
        }
        try {
            return new BackupKeyPair(OpenPgpKeyPairGenerator.generate(userId, passphrase));
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.INTERNAL, Messages.firstLine(e), e);
        }
    }

    /** {@return the primary key's fingerprint, upper-case hex, as manifests record it} */
    public String fingerprint() {
        return keys.fingerprint();
    }

    /** {@return the armored public key} */
    public String publicKey() {
        return keys.publicKey();
    }

    /** {@return the armored secret key (protected by the passphrase, if one was given)} */
    public String secretKey() {
        return keys.secretKey();
    }

    /**
     * Writes {@value #PUBLIC_KEY_FILE} and {@value #SECRET_KEY_FILE} (readable by its owner only)
     * into {@code folder}, creating it; never overwrites a file.
     *
     * @param folder where to write both files; created with its parents when missing

     * @return the public key file and the secret key file
     * @throws PlanBException naming the file when one exists already or cannot be written
     */
    public List<Path> writeTo(Path folder) {
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        Path secretFile = folder.resolve(SECRET_KEY_FILE);
        for (Path file : List.of(publicFile, secretFile)) {
            if (Files.exists(file)) {
                throw new PlanBException(ErrorCode.INVALID_SETTING, file + " already exists: PlanB never overwrites a"
                        + " key; choose another folder");
            }
        }
        try {
            Files.createDirectories(folder);
            Files.createFile(secretFile, ownerOnly(folder));
            Files.writeString(secretFile, secretKey(), StandardCharsets.US_ASCII);
            Files.writeString(publicFile, publicKey(), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, e.getFile() + " already exists: choose another folder", e);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Cannot write the keys to " + folder + ": "
                    + Messages.firstLine(e), e);
        }
        return List.of(publicFile, secretFile);
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) throws IOException {
        if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    @Override
    public String toString() {
        return "BackupKeyPair[" + fingerprint() + ", secret key ******]";
    }
}
