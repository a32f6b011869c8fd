/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.samples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.planb.PlanB;
import dev.planb.RestoreResult;
import dev.planb.destination.LocalDirectoryDestination;

class PlainJavaSampleTest {

    @Test
    void backsUpToBothFoldersAndRestoresFromTheSecond(@TempDir Path dir) throws Exception {
        RestoreResult restored = PlainJavaSample.run(dir, Duration.ofMillis(2500));
        assertThat(PlanB.catalog(new LocalDirectoryDestination(dir.resolve("backups"))).backups("app")).isNotEmpty();
        assertThat(PlanB.catalog(new LocalDirectoryDestination(dir.resolve("second-copy"))).backups("app")).isNotEmpty();
        assertThat(restored.matchesManifest()).isTrue();
        assertThat(restored.restoredTables()).anySatisfy(table -> assertThat(table.rows()).isEqualTo(2));
    }
}
