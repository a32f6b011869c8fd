/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.crypto.Encryption;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code backup} encrypts: to public key files, or with a passphrase read from the environment. */
final class EncryptionOptions {

    @Option(names = "--encrypt-to", paramLabel = "KEYFILE",
            description = "Encrypt to this OpenPGP public key file (planb keygen makes one); repeat for more recipients,"
                    + " e.g. an escrow key. Production needs only public keys.")
    List<Path> publicKeys;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Encrypt with the passphrase held by this environment variable (never pass it as an argument).")
    String passphraseVariable;

    /** The encryption asked for; none without either option. */
    Encryption encryption() {
        boolean toKeys = publicKeys != null && !publicKeys.isEmpty();
        if (toKeys && passphraseVariable != null) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "--encrypt-to and --passphrase-env exclude each other: encrypt to keys or with a passphrase");
        }
        if (toKeys) {
            return Encryption.toPublicKeys(publicKeys);
        }
        return passphraseVariable == null ? Encryption.none()
                : Encryption.withPassphrase(Secret.fromEnvironment(passphraseVariable));
    }
}
