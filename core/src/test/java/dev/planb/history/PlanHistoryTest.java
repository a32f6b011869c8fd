/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.catalog.ManifestWriter;
import dev.planb.change.DestructiveChangePolicy;
import dev.planb.change.TableChange;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order and the window of a plan's history, read from manifests in a local directory. */
class PlanHistoryTest {

    @TempDir
    Path root;

    @Test
    void backupsWithinOneSecondAreInTheOrderTheyWereTaken() throws IOException {
        // ids have whole seconds and a random part: here the later backup's random part sorts first
        Instant second = Instant.parse("2026-12-07T05:04:32Z");
        LocalDirectoryDestination destination = new LocalDirectoryDestination(root);
        store(destination, manifest("20261207T050432Z-8a9e33", second.plusMillis(100), 3000));
        store(destination, manifest("20261207T050432Z-59b58b", second.plusMillis(700), 100));

        assertThat(ids(PlanHistory.read(destination, "app", 30, DestructiveChangePolicy.defaults())))
                .containsExactly("20261207T050432Z-8a9e33", "20261207T050432Z-59b58b");
        assertThat(ids(PlanHistory.read(destination, "app", 1, DestructiveChangePolicy.defaults())))
                .as("the newest one").containsExactly("20261207T050432Z-59b58b");
    }

    @Test
    void theOldestShownIsComparedWithTheBackupBeforeIt() throws IOException {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(root);
        store(destination, manifest("20261201T000000Z-aaaaaa", Instant.parse("2026-12-01T00:00:00Z"), 5000));
        store(destination, manifest("20261202T000000Z-bbbbbb", Instant.parse("2026-12-02T00:00:00Z"), 40));
        store(destination, manifest("20261203T000000Z-cccccc", Instant.parse("2026-12-03T00:00:00Z"), 40));

        List<PlanHistory.Entry> history = PlanHistory.read(destination, "app", 2, DestructiveChangePolicy.defaults());

        assertThat(ids(history)).containsExactly("20261202T000000Z-bbbbbb", "20261203T000000Z-cccccc");
        assertThat(history.get(0).destructiveChanges()).extracting(TableChange::rowsBefore).containsExactly(5000L);
        assertThat(history.get(1).destructiveChanges()).isEmpty();
    }

    private static List<String> ids(List<PlanHistory.Entry> history) {
        return history.stream().map(entry -> entry.id().value()).toList();
    }

    private static Manifest manifest(String id, Instant start, long rows) {
        return new Manifest(Manifest.FORMAT_VERSION, "app", id, Manifest.KIND_FULL, null,
                new Manifest.EngineInfo("postgresql", "15", "pg_dump", "15"), "jdbc:postgresql://db/app", start,
                start.plusMillis(200), List.of(new Manifest.Artifact("database.dump.zst", 3, "0".repeat(64), "zstd", "none",
                        3)), List.of(new TableCount("orders", rows)), "test", List.of(), List.of(), null);
    }

    private static void store(LocalDirectoryDestination destination, Manifest manifest) throws IOException {
        try (ObjectWriter writer = destination.create(Layout.manifestKey("app", manifest.id()))) {
            writer.write(ManifestWriter.write(manifest));
            writer.commit();
        }
    }
}
