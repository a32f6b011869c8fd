/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryDestinationContractTest extends AbstractDestinationContractTest {

    @TempDir
    Path folder;

    @Override
    protected Destination destination() {
        return new LocalDirectoryDestination(folder.resolve("backups"));
    }

    @Test
    void discardedWriteLeavesNoFileOrFolder() throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(folder.resolve("backups"));
        try (ObjectWriter writer = destination.create("plan/20260101T000000Z-000001/data.bin")) {
            writer.write(new byte[1000]);
        }
        try (Stream<Path> left = Files.walk(destination.root())) {
            assertThat(left).containsExactly(destination.root());
        }
    }

    /** The writer flushes to disk every few MiB while it writes: the object is still whole, and hidden until committed. */
    @Test
    void anObjectFlushedToDiskWhileWrittenIsWholeAndHiddenUntilCommitted() throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(folder.resolve("backups"));
        byte[] content = new byte[20 * 1024 * 1024 + 12_345];
        new Random(24).nextBytes(content);
        String key = "plan/20260101T000000Z-000002/data.bin";
        try (ObjectWriter writer = destination.create(key)) {
            for (int at = 0; at < content.length; at += 1_000_003) {
                writer.write(content, at, Math.min(1_000_003, content.length - at));
            }
            writer.flush();
            assertThat(destination.list("")).isEmpty();
            writer.commit();
        }
        try (InputStream in = destination.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }
}
