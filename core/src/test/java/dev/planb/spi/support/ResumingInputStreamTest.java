/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResumingInputStreamTest {

    private static final byte[] OBJECT = new byte[100_000];

    static {
        new Random(7).nextBytes(OBJECT);
    }

    private final List<Long> openedAt = new ArrayList<>();

    @Test
    void readsTheWholeObjectAcrossBrokenConnections() throws IOException {
        // every connection breaks after 30,000 bytes: four connections for 100,000
        ResumingInputStream in = new ResumingInputStream(breakingAfter(0, 30_000), offset -> breakingAfter(offset, 30_000),
                "the object", 2, Duration.ZERO);

        assertThat(in.readAllBytes()).isEqualTo(OBJECT);
        assertThat(openedAt).containsExactly(0L, 30_000L, 60_000L, 90_000L);
    }

    @Test
    void givesUpAfterTheAttemptsInARowWithoutAByteRead() {
        ResumingInputStream in = new ResumingInputStream(breakingAfter(0, 10), offset -> breakingAfter(offset, 0),
                "the object", 3, Duration.ZERO);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessage("connection reset at 10");
        assertThat(openedAt).containsExactly(0L, 10L, 10L, 10L);
    }

    @Test
    void anOpenerThatFailsCountsAsAnAttemptAndItsFailureIsThrownLast() {
        ResumingInputStream in = new ResumingInputStream(breakingAfter(0, 10), offset -> {
            throw new IOException("the object changed (412)");
        }, "the object", 2, Duration.ZERO);

        assertThatThrownBy(in::readAllBytes).hasMessage("the object changed (412)");
    }

    @Test
    void aStorageModuleThatCannotConnectYetFailsOnlyThatAttempt() throws IOException {
        List<Long> tried = new ArrayList<>();
        ResumingInputStream in = new ResumingInputStream(breakingAfter(0, 10), offset -> {
            tried.add(offset);
            if (tried.size() == 1) {
                throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot connect to the server: connection refused");
            }
            return breakingAfter(offset, OBJECT.length);
        }, "the object", 2, Duration.ZERO);

        assertThat(in.readAllBytes()).isEqualTo(OBJECT);
        assertThat(tried).containsExactly(10L, 10L);
    }

    @Test
    void openStartsAtTheFirstByte() throws IOException {
        try (ResumingInputStream in = ResumingInputStream.open(offset -> breakingAfter(offset, 40_000), "the object")) {
            assertThat(openedAt).containsExactly(0L);
            assertThat(in.readNBytes(100)).isEqualTo(java.util.Arrays.copyOf(OBJECT, 100));
        }
    }

    @Test
    void anInterruptedReadIsNotTakenUpAgain() {
        InputStream interrupted = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new InterruptedIOException("cancelled");
            }
        };
        ResumingInputStream in = new ResumingInputStream(interrupted, offset -> breakingAfter(offset, OBJECT.length),
                "the object", 3, Duration.ZERO);

        assertThatThrownBy(in::read).isInstanceOf(InterruptedIOException.class);
        assertThat(openedAt).isEmpty();
    }

    /** The object from {@code offset}, on a connection that breaks after {@code limit} bytes. */
    private InputStream breakingAfter(long offset, int limit) {
        openedAt.add(offset);
        return new FilterInputStream(new ByteArrayInputStream(OBJECT, (int) offset, OBJECT.length - (int) offset)) {
            private int left = limit;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0 && available() > 0) {
                    throw new IOException("connection reset at " + (offset + limit));
                }
                int n = super.read(b, off, Math.min(len, Math.max(left, 1)));
                left -= Math.max(0, n);
                return n;
            }
        };
    }
}
