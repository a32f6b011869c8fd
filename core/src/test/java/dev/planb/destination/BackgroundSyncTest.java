/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.spi.ObjectWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundSyncTest {

    @Test
    void startsASyncEachTimeEnoughBytesHaveGatheredAndWaitsForItOnAwait() throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        BackgroundSync sync = new BackgroundSync(syncs::incrementAndGet);

        sync.written(BackgroundSync.EVERY_BYTES - 1);
        sync.await();
        assertThat(syncs).hasValue(0);

        sync.written(1);
        sync.await();
        assertThat(syncs).hasValue(1);

        sync.written(BackgroundSync.EVERY_BYTES / 2);
        sync.written(BackgroundSync.EVERY_BYTES / 2);
        sync.await();
        assertThat(syncs).hasValue(2);
    }

    @Test
    void neverRunsTwoSyncsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundSync sync = new BackgroundSync(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        for (int i = 0; i < 5; i++) {
            sync.written(BackgroundSync.EVERY_BYTES);
        }
        assertThat(sync.started()).isEqualTo(1);
        release.countDown();
        sync.await();
    }

    @Test
    void aFailedSyncFailsTheWriteThatFollowsItAndTheCommit() throws IOException {
        BackgroundSync sync = new BackgroundSync(() -> {
            throw new IOException("Input/output error");
        });
        sync.written(BackgroundSync.EVERY_BYTES);

        assertThatThrownBy(sync::await).isInstanceOf(IOException.class).hasMessage("Input/output error");
        assertThatThrownBy(() -> sync.written(BackgroundSync.EVERY_BYTES)).hasMessage("Input/output error");
    }

    @Test
    void anObjectOfSeveralSyncsIsCommittedWhole(@TempDir Path folder) throws IOException {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(folder);
        byte[] data = new byte[(int) (BackgroundSync.EVERY_BYTES * 3 + 12345)];
        new Random(7).nextBytes(data);

        try (ObjectWriter writer = destination.create("plan/backup/big.bin")) {
            for (int offset = 0; offset < data.length; offset += 256 * 1024) {
                writer.write(data, offset, Math.min(256 * 1024, data.length - offset));
            }
            writer.commit();
        }

        try (InputStream in = destination.open("plan/backup/big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(folder.resolve("plan/backup")).isDirectoryNotContaining("glob:**/.*");
    }
}
