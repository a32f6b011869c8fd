/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A folder linked into place (a mount point, say) lists what is in it. */
    @Test
    void aFolderReachedThroughALinkListsItsObjects() throws Exception {
        LocalDirectoryDestination real = new LocalDirectoryDestination(folder.resolve("disk"));
        put(real, "plan/20260101T000000Z-000003/manifest.json", new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(folder.resolve("backups"), folder.resolve("disk"));

        assertThat(new LocalDirectoryDestination(link).list("plan/"))
                .containsExactly(new StoredObject("plan/20260101T000000Z-000003/manifest.json", 3));
    }

    /**
     * A listing while backups are written and pruned in the same folder: files that appear, get their final name
     * or go while the walk passes are not an error (a status page or {@code planb list} during a backup).
     */
    @Test
    void aListingWhileFilesComeAndGoDoesNotFail() throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(folder.resolve("backups"));
        put(destination, "plan/20260101T000000Z-000004/manifest.json", new byte[] {4});
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        FutureTask<Void> writer = new FutureTask<>(() -> {
            for (int i = 0; !stop.get(); i = rounds.incrementAndGet()) {
                String key = "plan/20260101T000000Z-" + String.format("%06d", 100 + i % 50) + "/data.bin";
                put(destination, key, new byte[] {(byte) i});
                destination.delete(key);
            }
            return null;
        });
        new Thread(writer).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try {
            // Lists until the writer has gone round often enough, however fast either side runs on this machine.
            for (int i = 0; (i < 2_000 || rounds.get() <= 200) && !writer.isDone() && System.nanoTime() < deadline;
                    i++) {
                assertThat(destination.list("plan/")).contains(
                        new StoredObject("plan/20260101T000000Z-000004/manifest.json", 1));
                destination.incompleteWrites("plan/");
            }
        } finally {
            stop.set(true);
        }
        writer.get(); // the writer's own failure fails the test
        assertThat(rounds.get()).as("files written and deleted while listing").isGreaterThan(200);
    }
}
