/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How PlanB logs in: a private key (a file or the key itself, with an optional passphrase), a
 * password, or both. Never printed: {@link #toString()} names only the key file.
 *
 * @param identityFile a private key file, or {@code null}
 * @param identityKey a private key in OpenSSH or PEM form, or {@code null}
 * @param passphrase the private key's passphrase, or {@code null}
 * @param passwordSecret the account's password, or {@code null}
 */
record SftpCredentials(Path identityFile, Secret identityKey, Secret passphrase, Secret passwordSecret) {

    /** Checks that there is a way to log in and that a key file can be read. */
    SftpCredentials {
        if (identityFile == null && identityKey == null && passwordSecret == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "SFTP destination has no credentials: give a private "
                    + "key (identity=KEYFILE) or a password (environment variable PLANB_SFTP_PASSWORD)");
        }
        if (identityFile != null && !Files.isReadable(identityFile)) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "SFTP identity file " + identityFile
                    + (Files.exists(identityFile) ? " cannot be read" : " does not exist")
                    + ": give the path of a private key this user can read");
        }
    }

    /** The password, if one was given. */
    Optional<Secret> password() {
        return Optional.ofNullable(passwordSecret);
    }

    /** Whether a private key is used. */
    boolean usesKey() {
        return identityFile != null || identityKey != null;
    }

    /** The SSH authentication methods to try, in order. */
    String authentications() {
        if (usesKey() && passwordSecret != null) {
            return "publickey,password";
        }
        return usesKey() ? "publickey" : "password";
    }

    /** Registers the private key with JSch. */
    void addTo(JSch jsch) throws JSchException {
        byte[] phrase = passphrase == null ? null : passphrase.reveal().getBytes(StandardCharsets.UTF_8);
        if (identityFile != null) {
            jsch.addIdentity(identityFile.toString(), phrase);
        } else if (identityKey != null) {
            jsch.addIdentity("private key given in the settings", identityKey.reveal().getBytes(StandardCharsets.UTF_8),
                    null, phrase);
        }
    }

    /** What a person needs to know to fix a refused login, without secrets. */
    String describe() {
        String key = identityFile != null ? "private key " + identityFile : identityKey != null ? "the given private key" : null;
        if (key != null && passwordSecret != null) {
            return key + " and the password";
        }
        return key != null ? key : "the password";
    }

    @Override
    public String toString() {
        return "SftpCredentials[" + describe() + "]";
    }
}
