package dev.planb.cli;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.catalog.Manifest;
import dev.planb.crypto.Decryption;
import dev.planb.verify.RestoreVerifier;
import dev.planb.verify.VerificationResult;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb verify}: checksums, and optionally a restore into a scratch database. */
@Command(name = "verify", description = "Check a backup's checksums; with --restore-to, also restore it and compare row counts.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    BackupSelection selection;

    @Option(names = "--restore-to", paramLabel = "JDBC_URL", description = "Empty scratch database to restore into.")
    String restoreTo;

    @Mixin
    DatabaseOptions database;

    @Mixin
    DecryptionOptions decryption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<DatabaseSource> scratch = Optional.ofNullable(restoreTo).map(database::source);
        Decryption key = decryption.decryption();
        VerificationResult result = new RestoreVerifier(selection.destination(), key)
                .verify(selection.plan(), selection.backup, scratch);
        String name = "backup " + result.manifest().backupId() + " of plan '" + result.manifest().plan() + "'";
        if (!result.passed()) {
            err.println("planb: " + name + " FAILED verification: " + String.join("; ", result.problems()));
            err.flush();
            return (result.restoredInto() == null ? ErrorCode.CORRUPT_BACKUP : ErrorCode.VERIFICATION_FAILED).exitCode();
        }
        String decrypted = result.manifest().artifacts().stream().anyMatch(Manifest.Artifact::isEncrypted)
                ? key.isPresent() ? " (decrypted, decrypted checksum OK)"
                        : " (encrypted: not decrypted; add --decrypt-with or --passphrase-env to check that too)"
                : "";
        result.checkedArtifacts().forEach(artifact -> out.println("checksum OK  " + artifact + decrypted));
        if (result.restoredInto() != null) {
            out.println("restore OK   " + result.restoredInto() + ": " + result.manifest().tables().size()
                    + " tables, row counts match the manifest");
        }
        out.println(name + " is sound");
        out.flush();
        return 0;
    }
}
