package dev.planb.internal;

import dev.planb.Compression;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.engine.DatabaseEngine;
import dev.planb.internal.files.FilesGuide;

/** Writes {@code RESTORE.md}: how to restore one backup with PlanB, or by hand with stock tools. */
public final class RestoreGuide {

    private RestoreGuide() {
    }

    /**
     * The guide for a backup stored on a destination.
     *
     * @param destination the destination's description, as the command line accepts it
     */
    public static String render(Manifest manifest, DatabaseEngine engine, String destination) {
        Artifact artifact = manifest.artifacts().get(0);
        Compression compression = Compression.fromId(artifact.compression());
        String dumpFile = engine.dumpFileName();
        String compressedFile = dumpFile + compression.extension();
        String decompress = compression == Compression.NONE
                ? "The file is not compressed: `" + compressedFile + "` is the dump itself.\n"
                : "```sh\n" + compression.decompressCommand() + " " + compressedFile + " > " + dumpFile + "\n```\n";
        if (artifact.isEncrypted()) {
            decompress = "Decrypt and decompress it\n\n" + decryptStep(artifact, compressedFile, dumpFile) + "\n" + decompress;
        } else {
            decompress = "Decompress it\n\n" + decompress;
        }
        return """
                # Restoring backup %2$s of plan `%1$s`

                Made by PlanB %3$s from a %4$s %5$s database (`%6$s`), started %7$s.
                It holds %8$d table(s) and %9$d row(s); `manifest.json` lists them with every checksum.

                ## With PlanB

                ```sh
                planb verify  --from %10$s --plan %1$s --backup %2$s
                planb restore --from %10$s --plan %1$s --backup %2$s --to-db JDBC_URL%15$s
                ```

                ## By hand, with stock tools

                Copy this folder somewhere safe and work on the copy.

                ### 1. Check the file against the manifest

                This must print `%11$s: OK`:

                ```sh
                echo '%12$s  %11$s' | sha256sum -c
                ```

                ### 2. %13$s
                ### 3. Restore

                %14$s""".formatted(
                manifest.plan(), manifest.backupId(), manifest.planbVersion(), manifest.engine().name(),
                manifest.engine().serverVersion(), manifest.database(), manifest.startedAt(),
                manifest.tables().size(), manifest.totalRows(), destination, artifact.name(), artifact.sha256(),
                decompress, engine.manualRestoreSteps(dumpFile), decryptOption(artifact))
                + FilesGuide.render(manifest, destination);
    }

    /** What {@code planb restore} needs to open the artifact. */
    private static String decryptOption(Artifact artifact) {
        if (!artifact.isEncrypted()) {
            return "";
        }
        return artifact.recipients().isEmpty() ? " --passphrase-env VAR" : " --decrypt-with SECRET_KEY_FILE";
    }

    /** Decrypting with stock {@code gpg}, then checking what it gave against the manifest. */
    private static String decryptStep(Artifact artifact, String decryptedFile, String dumpFile) {
        String who = artifact.recipients().isEmpty()
                ? "with a passphrase (gpg asks for it)"
                : "to the key(s) " + String.join(", ", artifact.recipients())
                        + ": work on a machine where `gpg --list-secret-keys` shows one of them"
                        + " (import the secret key first: `gpg --import planb-backup-secret.asc`)";
        return "The file is encrypted with OpenPGP [" + artifact.openpgp().algorithm() + "] " + who + ".\n"
                + "The checksum must print `" + decryptedFile + ": OK`:\n\n"
                + "```sh\n"
                + "gpg --decrypt --output " + decryptedFile + " " + artifact.name() + "\n"
                + "echo '" + artifact.openpgp().decryptedSha256() + "  " + decryptedFile + "' | sha256sum -c\n"
                + "```\n\n"
                + "In one go, without the checksum: `gpg --decrypt " + artifact.name() + " | "
                + Compression.fromId(artifact.compression()).decompressCommand() + " > " + dumpFile + "`.\n";
    }
}
