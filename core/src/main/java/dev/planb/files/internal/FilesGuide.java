/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import dev.planb.Compression;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;

/** The part of {@code RESTORE.md} about files: how to restore each tree with PlanB or with stock tar. */
public final class FilesGuide {

    private FilesGuide() {
    }

    /** Markdown for the backup's files sources; empty when it has none. */
    public static String render(Manifest manifest, String destination) {
        if (manifest.files().isEmpty()) {
            return "";
        }
        StringBuilder guide = new StringBuilder("""

                ## Files, with PlanB

                This backup also holds %d directory tree(s) as tar archives (POSIX format).

                ```sh
                planb restore --from %s --plan %s --backup %s --files-to DIR   # each source into DIR/<source>
                ```

                Add `--files-source NAME` to restore one source straight into DIR, `--files-glob GLOB` for some files%s.

                ## Files, by hand with stock tools

                Check each archive against the manifest first, as above (`sha256sum -c`).
                """.formatted(manifest.files().size(), destination, manifest.plan(), manifest.backupId(),
                manifest.databaseArtifact().isEncrypted()
                        ? ", and the decryption option shown above (`--passphrase-env` or `--decrypt-with`)" : ""));
        for (FileSet fileSet : manifest.files()) {
            Artifact archive = manifest.artifact(fileSet.artifact()).orElseThrow();
            guide.append("""

                    ### `%s`: %s (%d files, %d bytes)

                    """.formatted(fileSet.source(), fileSet.directory(), fileSet.fileCount(), fileSet.totalSize()));
            if (fileSet.incremental() && !manifest.needs().isEmpty()) {
                guide.append("This source is incremental: its archive holds only the files that changed. Extract the"
                        + " archives of the backups it needs first, oldest first, then its own; files deleted in"
                        + " between come back too (`planb restore` restores exactly the files listed in `"
                        + fileSet.index() + "`).\n\n");
            }
            guide.append("```sh\n");
            guide.append("echo '").append(archive.sha256()).append("  ").append(archive.name()).append("' | sha256sum -c\n");
            guide.append("mkdir -p restored-files/").append(fileSet.source()).append('\n');
            if (fileSet.incremental()) {
                for (String needed : manifest.needs()) {
                    guide.append(extract(archive, "../" + needed + "/" + archive.name(), fileSet.source()));
                }
            }
            guide.append(extract(archive, archive.name(), fileSet.source()));
            guide.append("```\n");
        }
        return guide.toString();
    }

    /** The shell line that extracts one archive file: decrypted with gpg first when encrypted. */
    private static String extract(Artifact archive, String file, String source) {
        String decompress = Compression.fromId(archive.compression()).decompressCommand();
        String read = archive.isEncrypted() ? "gpg --decrypt " + file + " | " + decompress : decompress + " " + file;
        return read + " | tar -x -C restored-files/" + source + "\n";
    }
}
