/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
