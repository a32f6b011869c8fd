/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FanOutOutputStreamTest {

    private static final byte[] DATA = randomBytes(3 * 1024 * 1024 + 12345);

    @Test
    void everyTargetReceivesEveryByteInOrder() throws IOException {
        Map<String, ByteArrayOutputStream> targets = new LinkedHashMap<>();
        for (String name : new String[] {"a", "b", "c"}) {
            targets.put(name, new ByteArrayOutputStream());
        }
        FanOutOutputStream out = new FanOutOutputStream(targets);

        writeInUnevenPieces(out, DATA);
        out.close();

        targets.values().forEach(target -> assertThat(target.toByteArray()).isEqualTo(DATA));
        assertThat(out.failures()).isEmpty();
        assertThat(out.allFailed()).isFalse();
    }

    @Test
    void aLongStreamReusesAHandfulOfArraysAndASlowTargetStillGetsEveryByte() throws IOException {
        byte[] data = randomBytes(40 * FanOutOutputStream.CHUNK_SIZE + 999);
        Set<byte[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream slow = new ByteArrayOutputStream();
        Map<String, OutputStream> targets = new LinkedHashMap<>();
        targets.put("fast", new OutputStream() {
            @Override
            public void write(int b) {
                fast.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                arrays.add(b);
                fast.write(b, off, len);
            }
        });
        targets.put("slow", new OutputStream() {
            @Override
            public void write(int b) {
                slow.write(b);
            }

            /** Reads the array in two halves with a pause between: an array reused too early shows as wrong bytes. */
            @Override
            public void write(byte[] b, int off, int len) {
                int half = len / 2;
                slow.write(b, off, half);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                slow.write(b, off + half, len - half);
            }
        });
        FanOutOutputStream out = new FanOutOutputStream(targets);

        writeInUnevenPieces(out, data);
        out.close();

        assertThat(fast.toByteArray()).isEqualTo(data);
        assertThat(slow.toByteArray()).isEqualTo(data);
        assertThat(arrays).as("arrays handed to the targets for 41 chunks").hasSizeLessThanOrEqualTo(
                FanOutOutputStream.POOL_SIZE + 1);
    }

    @Test
    void eachTargetIsFlushedOnItsWritingThreadAfterItsLastWrite() throws IOException {
        Map<String, Thread> flushedOn = new LinkedHashMap<>();
        Map<String, Thread> writtenOn = new LinkedHashMap<>();
        OutputStream target = new OutputStream() {
            @Override
            public void write(int b) {
                writtenOn.put("a", Thread.currentThread());
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writtenOn.put("a", Thread.currentThread());
                assertThat(flushedOn).as("flushed after the last write").isEmpty();
            }

            @Override
            public void flush() {
                flushedOn.put("a", Thread.currentThread());
            }
        };
        FanOutOutputStream out = new FanOutOutputStream(Map.of("a", target));

        writeInUnevenPieces(out, DATA);
        out.close();

        assertThat(out.failures()).isEmpty();
        assertThat(flushedOn.get("a")).isNotNull().isSameAs(writtenOn.get("a")).isNotSameAs(Thread.currentThread());
    }

    @Test
    void aFailingTargetIsReportedAndTheOthersCarryOn() throws IOException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        Map<String, OutputStream> targets = new LinkedHashMap<>();
        targets.put("first", first);
        targets.put("broken", new FailingAfter(500_000));
        targets.put("second", second);
        FanOutOutputStream out = new FanOutOutputStream(targets);

        writeInUnevenPieces(out, DATA);
        out.close();

        assertThat(first.toByteArray()).isEqualTo(DATA);
        assertThat(second.toByteArray()).isEqualTo(DATA);
        assertThat(out.failures()).containsOnlyKeys("broken");
        assertThat(out.failures().get("broken")).hasMessageContaining("target full");
        assertThat(out.allFailed()).isFalse();
    }

    @Test
    void whenEveryTargetFailsWritingFails() {
        Map<String, OutputStream> targets = new LinkedHashMap<>();
        targets.put("one", new FailingAfter(0));
        targets.put("two", new FailingAfter(300_000));
        FanOutOutputStream out = new FanOutOutputStream(targets);

        assertThatThrownBy(() -> {
            writeInUnevenPieces(out, DATA);
            out.close();
        }).isInstanceOf(IOException.class).hasMessageContaining("one").hasMessageContaining("two");
        assertThat(out.allFailed()).isTrue();
        assertThat(out.failures()).containsOnlyKeys("one", "two");
        out.abort();
    }

    @Test
    void aTargetThrowingAnErrorIsDroppedWithoutStallingTheOthers() {
        ByteArrayOutputStream healthy = new ByteArrayOutputStream();
        Map<String, OutputStream> targets = new LinkedHashMap<>();
        targets.put("healthy", healthy);
        targets.put("crashing", new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("plugin bug");
            }
        });
        FanOutOutputStream out = new FanOutOutputStream(targets);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            writeInUnevenPieces(out, DATA);
            out.close();
        });

        assertThat(healthy.toByteArray()).isEqualTo(DATA);
        assertThat(out.failures()).containsOnlyKeys("crashing");
    }

    private static void writeInUnevenPieces(OutputStream out, byte[] data) throws IOException {
        Random random = new Random(7);
        int offset = 0;
        while (offset < data.length) {
            if (random.nextInt(10) == 0) {
                out.write(data[offset++]);
            } else {
                int length = Math.min(data.length - offset, 1 + random.nextInt(400_000));
                out.write(data, offset, length);
                offset += length;
            }
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(1).nextBytes(bytes);
        return bytes;
    }

    /** Accepts {@code limit} bytes, then throws. */
    private static final class FailingAfter extends OutputStream {
        private final long limit;
        private long written;

        FailingAfter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("target full after " + written + " bytes");
            }
            written += len;
        }
    }
}
