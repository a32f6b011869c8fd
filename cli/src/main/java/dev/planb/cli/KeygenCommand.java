/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.Secret;
import dev.planb.crypto.BackupKeyPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb keygen}: an OpenPGP key pair for encrypted backups, and where each half must live. */
@Command(name = "keygen", description = {"Make an OpenPGP key pair for encrypted backups.", "Explains where each half goes."})
final class KeygenCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two key files (created).")
    Path out;

    @Option(names = "--name", paramLabel = "USER_ID", defaultValue = "PlanB backups",
            description = "Name on the key, e.g. 'PlanB backups <ops@example.com>' (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Environment variable holding a passphrase to protect the secret key (recommended).")
    String passphraseVariable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Secret passphrase = passphraseVariable == null ? null : Secret.fromEnvironment(passphraseVariable);
        BackupKeyPair keys = BackupKeyPair.generate(name, passphrase);
        List<Path> files = keys.writeTo(out);
        console.println("Key " + keys.fingerprint() + " (" + name + ")");
        console.println();
        console.println("  public key  " + files.get(0));
        console.println("    Goes to production: planb backup ... --encrypt-to " + files.get(0));
        console.println("    It can only encrypt: a server holding it cannot read its own backups.");
        console.println();
        console.println("  secret key  " + files.get(1) + "  (readable by you only"
                + (passphrase == null ? ", NOT protected by a passphrase" : ", protected by the passphrase") + ")");
        console.println("    Must NOT stay on the server. Move it offline now (password manager, safe, USB stick)");
        console.println("    and keep a second copy apart; without it no backup can ever be decrypted.");
        console.println("    To restore: planb restore ... --decrypt-with " + BackupKeyPair.SECRET_KEY_FILE
                + (passphrase == null ? "" : " --key-passphrase-env VAR"));
        console.println("    By hand: gpg --import " + BackupKeyPair.SECRET_KEY_FILE + ", then follow RESTORE.md");
        console.flush();
        return 0;
    }
}
