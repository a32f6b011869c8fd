/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.crypto.Decryption;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What opens an encrypted backup for {@code restore} and {@code verify}: a secret key file, or a passphrase. */
final class DecryptionOptions {

    @Option(names = "--decrypt-with", paramLabel = "KEYFILE",
            description = "OpenPGP secret key file of one of the backup's recipients.")
    Path secretKey;

    @Option(names = "--key-passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding the passphrase of the --decrypt-with key.")
    String keyPassphraseVariable;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding the passphrase the backup was encrypted with.")
    String passphraseVariable;

    /** The decryption asked for; none without these options. */
    Decryption decryption() {
        if (secretKey != null && passphraseVariable != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "--decrypt-with and --passphrase-env exclude each"
                    + " other: a backup is encrypted to keys or with a passphrase");
        }
        if (keyPassphraseVariable != null && secretKey == null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "--key-passphrase-env unlocks a --decrypt-with key file: give the key file too");
        }
        if (secretKey != null) {
            return Decryption.withSecretKey(secretKey,
                    keyPassphraseVariable == null ? null : Secret.fromEnvironment(keyPassphraseVariable));
        }
        return passphraseVariable == null ? Decryption.none()
                : Decryption.withPassphrase(Secret.fromEnvironment(passphraseVariable));
    }
}
