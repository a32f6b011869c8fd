package dev.planb.internal;

import dev.planb.Compression;
import dev.planb.catalog.Manifest;
import dev.planb.catalog.Manifest.Artifact;
import dev.planb.engine.DatabaseEngine;

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
        String decompress = compression == Compression.NONE
                ? "The file is not compressed: `" + artifact.name() + "` is the dump itself.\n"
                : "```sh\n" + compression.decompressCommand() + " " + artifact.name() + " > " + dumpFile + "\n```\n";
        return """
                # Restoring backup %2$s of plan `%1$s`

                Made by PlanB %3$s from a %4$s %5$s database (`%6$s`), started %7$s.
                It holds %8$d table(s) and %9$d row(s); `manifest.json` lists them with every checksum.

                ## With PlanB

                ```sh
                planb verify  --from %10$s --plan %1$s --backup %2$s
                planb restore --from %10$s --plan %1$s --backup %2$s --to-db JDBC_URL
                ```

                ## By hand, with stock tools

                Copy this folder somewhere safe and work on the copy.

                ### 1. Check the file against the manifest

                This must print `%11$s: OK`:

                ```sh
                echo '%12$s  %11$s' | sha256sum -c
                ```

                ### 2. Decompress it

                %13$s
                ### 3. Restore

                %14$s""".formatted(
                manifest.plan(), manifest.backupId(), manifest.planbVersion(), manifest.engine().name(),
                manifest.engine().serverVersion(), manifest.database(), manifest.startedAt(),
                manifest.tables().size(), manifest.totalRows(), destination, artifact.name(), artifact.sha256(),
                decompress, engine.manualRestoreSteps(dumpFile));
    }
}
