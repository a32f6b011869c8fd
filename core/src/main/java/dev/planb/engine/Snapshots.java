package dev.planb.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Temporary snapshot files, named after the process that made them, so that the snapshots left
 * by a killed process are removed by the next run rather than filling the disk.
 */
final class Snapshots {

    private static final String PREFIX = "planb-snapshot-";

    private Snapshots() {
    }

    /** A new, empty snapshot file in {@code java.io.tmpdir}, after removing those of dead processes. */
    static Path create() throws IOException {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        removeOrphans(folder);
        return Files.createTempFile(folder, PREFIX + ProcessHandle.current().pid() + "-", ".tmp");
    }

    private static void removeOrphans(Path folder) throws IOException {
        try (DirectoryStream<Path> snapshots = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path snapshot : snapshots) {
                String rest = snapshot.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                if (dash > 0 && rest.substring(0, dash).chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(rest.substring(0, dash))).isEmpty()) {
                    Files.deleteIfExists(snapshot);
                }
            }
        }
    }
}
