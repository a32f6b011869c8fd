/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.run;

import dev.planb.Compression;
import dev.planb.files.internal.FilesGuide;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.TableCount;
import dev.planb.spi.TableRestore;
import java.util.Comparator;

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
        String dumpFile = engine.dumpFileName();
        String decompress = unpackSection(artifact, dumpFile);
        return """
                # Restoring backup %2$s of plan `%1$s`

                Made by PlanB %3$s from a %4$s %5$s database (`%6$s`), started %7$s.
                It holds %8$d table(s) and %9$d row(s); `manifest.json` lists them with every checksum.
                %16$s
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
                decompress, engine.manualRestoreSteps(dumpFile), decryptOption(artifact), omittedSection(manifest))
                + singleTableSection(manifest, engine, destination, dumpFile, decryptOption(artifact))
                + FilesGuide.render(manifest, destination);
    }

    /**
     * The guide for a part of a point-in-time chain: a base backup, a dump with log coordinates, or a
     * shipped log file.
     */
    public static String renderChainPart(Manifest manifest, PointInTimeEngine engine, String destination) {
        Artifact artifact = manifest.databaseArtifact();
        String plainFile = manifest.isLog() ? manifest.log().file() : plainName(artifact);
        String what = manifest.isLog()
                ? (manifest.log().partial() ? "a partial copy (as far as it was written when shipped) of " : "")
                        + manifest.log().format() + " file `" + manifest.log().file() + "` of the chain that starts with backup "
                        + manifest.parentId()
                : "the first backup of a point-in-time chain (" + manifest.kind() + "); the " + manifest.log().format()
                        + " shipped after it starts at `" + manifest.log().file() + "`";
        return """
                # Point-in-time recovery: backup %2$s of plan `%1$s`

                Made by PlanB %3$s from a %4$s %5$s database (`%6$s`), started %7$s.
                This is %8$s.

                ## With PlanB

                ```sh
                planb list    --from %9$s --plan %1$s
                planb restore --from %9$s --plan %1$s --at 'YYYY-MM-DD HH:MM:SS' %10$s
                ```

                ## By hand, with stock tools

                ### 1. Check the file against the manifest

                This must print `%11$s: OK`:

                ```sh
                echo '%12$s  %11$s' | sha256sum -c
                ```

                ### 2. %13$s
                ### 3. Recover

                %14$s""".formatted(manifest.plan(), manifest.backupId(), manifest.planbVersion(), manifest.engine().name(),
                manifest.engine().serverVersion(), manifest.database(), manifest.startedAt(), what, destination,
                "wal".equals(manifest.log().format()) ? "--to-data-dir NEW_EMPTY_DIR" : "--to-db JDBC_URL",
                artifact.name(), artifact.sha256(), unpackSection(artifact, plainFile),
                engine.manualRecoverySteps(manifest));
    }

    /**
     * How to restore one table beside the live one: with PlanB, and by hand after steps 1 and 2. The
     * example is the backup's largest table.
     */
    private static String singleTableSection(Manifest manifest, DatabaseEngine engine, String destination, String dumpFile,
            String decryptOption) {
        if (manifest.tables().isEmpty()) {
            return "";
        }
        String table = manifest.tables().stream().max(Comparator.comparingLong(TableCount::rows)
                .thenComparing(TableCount::table, Comparator.reverseOrder())).orElseThrow().table();
        String byHand = engine.manualTableRestoreSteps(dumpFile, table);
        return """

                ## A single table, beside the live one

                A `DELETE` without `WHERE`, a dropped table: put the table's rows back from this backup without
                touching any other table. `%3$s` is an example; `manifest.json` lists every table with its rows.

                ```sh
                planb restore --from %1$s --plan %2$s --backup %4$s --table %3$s --to-db JDBC_URL --as _before%5$s
                ```

                This makes `%3$s_before` (the default name is `%3$s%6$s`) with the backup's rows, checked against
                the manifest; `--into-schema NAME` puts it into another schema instead, `--replace` into the live
                table (refused while that has rows, unless `--force`).
                %7$s""".formatted(destination, manifest.plan(), table, manifest.backupId(), decryptOption,
                TableRestore.defaultSuffix(manifest.backupId()),
                byHand.isEmpty() ? "" : "\nBy hand, after steps 1 and 2 above (check and decompress):\n\n" + byHand);
    }

    /** What the dump leaves out although the database held it, or nothing. */
    private static String omittedSection(Manifest manifest) {
        if (manifest.engine().omitted().isEmpty()) {
            return "";
        }
        StringBuilder section = new StringBuilder("\n## Not in this backup\n\nThe dump's filters leave these out;"
                + " a restore does not bring them back:\n\n");
        manifest.engine().omitted().forEach(omitted -> section.append("- ").append(omitted).append('\n'));
        return section.toString();
    }

    /** The artifact's name without the compression's and encryption's extensions. */
    private static String plainName(Artifact artifact) {
        String name = artifact.name();
        if (artifact.isEncrypted() && name.endsWith(".gpg")) {
            name = name.substring(0, name.length() - 4);
        }
        String extension = Compression.fromId(artifact.compression()).extension();
        return name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
    }

    /** Step 2 of a guide: how to decrypt and decompress the stored file into {@code plainFile}. */
    private static String unpackSection(Artifact artifact, String plainFile) {
        Compression compression = Compression.fromId(artifact.compression());
        String compressedFile = plainFile + compression.extension();
        String decompress = compression == Compression.NONE
                ? "The file is not compressed: `" + compressedFile + "` is the file itself.\n"
                : "```sh\n" + compression.decompressCommand() + " " + compressedFile + " > " + plainFile + "\n```\n";
        if (artifact.isEncrypted()) {
            return "Decrypt and decompress it\n\n" + decryptStep(artifact, compressedFile, plainFile) + "\n" + decompress;
        }
        return "Decompress it\n\n" + decompress;
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
