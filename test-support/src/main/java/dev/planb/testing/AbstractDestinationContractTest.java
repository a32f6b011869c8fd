/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rules every {@link Destination} follows. An implementation's test extends this class and
 * returns a fresh, empty destination from {@link #destination()}:
 *
 * <pre>{@code
 * class S3DestinationContractTest extends AbstractDestinationContractTest {
 *     protected Destination destination() { return S3Destination.builder()...build(); }
 * }
 * }</pre>
 */
public abstract class AbstractDestinationContractTest {

    /**
     * How much an interrupted write sends before it is abandoned: more than S3's minimum part size (5 MiB), so a
     * destination that holds one part or block in memory has sent something.
     */
    private static final int INTERRUPTED_WRITE_SIZE = 6 * 1024 * 1024;
    /** Servers that keep times to the second or minute, or whose clock differs a little from this machine's. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    /** For a destination's test, which extends this class. */
    protected AbstractDestinationContractTest() {
    }

    /**
     * {@return a destination with nothing in it, new for each test} A test calls it once; use a fresh bucket,
     * container, folder or prefix each time.
     *
     * @throws Exception when the destination cannot be set up (a server not reachable); the test fails with it
     */
    protected abstract Destination destination() throws Exception;

    @Test
    void committedObjectReadsBackIdentical() throws Exception {
        Destination destination = destination();
        byte[] content = randomBytes(3 * 1024 * 1024 + 17);
        put(destination, "plan/20260101T000000Z-000001/data.bin", content);

        try (InputStream in = destination.open("plan/20260101T000000Z-000001/data.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void objectIsInvisibleUntilCommitted() throws Exception {
        Destination destination = destination();
        try (ObjectWriter writer = destination.create("plan/pending/data.bin")) {
            writer.write(randomBytes(100_000));
            writer.flush();
            assertThat(destination.list("")).isEmpty();
            assertThatThrownBy(() -> destination.open("plan/pending/data.bin")).isInstanceOf(NoSuchFileException.class);
            writer.commit();
        }
        assertThat(destination.list("")).extracting(StoredObject::key).containsExactly("plan/pending/data.bin");
    }

    @Test
    void writerClosedWithoutCommitLeavesNothing() throws Exception {
        Destination destination = destination();
        try (ObjectWriter writer = destination.create("plan/interrupted/data.bin")) {
            writer.write(randomBytes(1024 * 1024));
        }
        assertThat(destination.list("")).isEmpty();
        assertThatThrownBy(() -> destination.open("plan/interrupted/data.bin")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void listReturnsKeysUnderPrefixWithSizes() throws Exception {
        Destination destination = destination();
        put(destination, "a/1/x.bin", new byte[10]);
        put(destination, "a/2/y.bin", new byte[20]);
        put(destination, "b/1/z.bin", new byte[30]);

        assertThat(destination.list("a/")).containsExactlyInAnyOrder(
                new StoredObject("a/1/x.bin", 10), new StoredObject("a/2/y.bin", 20));
        assertThat(destination.list("")).hasSize(3);
        assertThat(destination.list("c/")).isEmpty();
    }

    @Test
    void openingMissingKeyThrowsNoSuchFile() throws Exception {
        Destination destination = destination();
        assertThatThrownBy(() -> destination.open("plan/none/manifest.json")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void deleteRemovesObjectOrIsRefusedClearly() throws Exception {
        Destination destination = destination();
        put(destination, "plan/1/keep.txt", "keep".getBytes(StandardCharsets.UTF_8));
        put(destination, "plan/1/gone.txt", "gone".getBytes(StandardCharsets.UTF_8));

        if (destination.canDelete()) {
            destination.delete("plan/1/gone.txt");
            destination.delete("plan/1/never-existed.txt");
            assertThat(destination.list("")).extracting(StoredObject::key).containsExactly("plan/1/keep.txt");
        } else {
            assertThatThrownBy(() -> destination.delete("plan/1/gone.txt"))
                    .isInstanceOfSatisfying(PlanBException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED));
            assertThat(destination.list("")).hasSize(2);
        }
    }

    /**
     * A write abandoned midway, as a killed run leaves it (no commit, no close): {@code list} and so the catalog never
     * show it, {@code incompleteWrites} does (under its key, recently written), and {@code discard} removes it.
     */
    @Test
    void interruptedWriteIsAnIncompleteWriteUntilDiscarded() throws Exception {
        Destination destination = destination();
        put(destination, "plan/1/done.bin", new byte[10]);
        Instant started = Instant.now();
        ObjectWriter abandoned = destination.create("plan/2/data.bin");
        try {
            byte[] content = randomBytes(INTERRUPTED_WRITE_SIZE);
            for (int offset = 0; offset < content.length; offset += 65_536) {
                abandoned.write(content, offset, Math.min(65_536, content.length - offset));
            }
            abandoned.flush();
            if (!leavesIncompleteWrites()) {
                assertThat(destination.incompleteWrites("")).isEmpty();
                return;
            }
            List<IncompleteWrite> writes = await().atMost(Duration.ofSeconds(30))
                    .until(() -> destination.incompleteWrites("plan/"), found -> !found.isEmpty());

            assertThat(writes).singleElement().satisfies(write -> {
                assertThat(write.key()).isEqualTo("plan/2/data.bin");
                assertThat(write.lastWritten()).isBetween(started.minus(CLOCK_SLACK), Instant.now().plus(CLOCK_SLACK));
            });
            assertThat(destination.incompleteWrites("other/")).isEmpty();
            assertThat(destination.list("")).extracting(StoredObject::key).containsExactly("plan/1/done.bin");

            destination.discard(writes.get(0));

            assertThat(destination.incompleteWrites("")).isEmpty();
            assertThat(destination.list("")).extracting(StoredObject::key).containsExactly("plan/1/done.bin");
        } finally {
            abandoned.close();
        }
    }

    @Test
    void descriptionIsStable() throws Exception {
        Destination destination = destination();
        assertThat(destination.description()).isNotBlank().isEqualTo(destination.description());
    }

    /**
     * {@return whether a write abandoned midway leaves something on this destination for {@code planb cleanup}}
     * {@code true} unless overridden; override it to return {@code false} where, as in an in-memory store, nothing
     * outlives the writer, and the test then checks that {@code incompleteWrites} is empty.
     */
    protected boolean leavesIncompleteWrites() {
        return true;
    }

    /**
     * Writes and commits one object, in 64 KiB writes as a backup streams it.
     *
     * @param destination where to write
     * @param key the object's key, e.g. {@code plan/20260101T000000Z-000001/data.bin}
     * @param content the object's bytes
     * @throws IOException when the destination fails to write or commit the object
     */
    protected static void put(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            for (int offset = 0; offset < content.length; offset += 65_536) {
                writer.write(content, offset, Math.min(65_536, content.length - offset));
            }
            writer.commit();
        }
    }

    /**
     * Makes test content that does not compress, the same for the same size on every run.
     *
     * @param size how many bytes
     * @return pseudo-random bytes seeded with {@code size}
     */
    protected static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
