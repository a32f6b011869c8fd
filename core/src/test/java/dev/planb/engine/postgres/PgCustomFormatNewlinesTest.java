/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The newline count that row counting rests on, against a byte-by-byte count. */
class PgCustomFormatNewlinesTest {

    /** Bytes next to a newline's in value or bits, which a word-at-a-time test could mistake for one. */
    private static final byte[] NEAR_NEWLINES = {'\n', '\n', 0x0b, 0x09, 0x00, 0x01, (byte) 0x8a, (byte) 0xff, 0x7f,
        0x0e, 0x1a, '\\', '.'};

    @Test
    void countsEveryNewlineWhateverTheOffsetLengthAndNeighbours() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        byte[] bytes = new byte[5000];
        for (int round = 0; round < 2000; round++) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = round % 2 == 0 ? NEAR_NEWLINES[random.nextInt(NEAR_NEWLINES.length)]
                        : (byte) random.nextInt(256);
            }
            int from = random.nextInt(64);
            int end = from + random.nextInt(bytes.length - from + 1);
            assertThat(PgCustomFormatRows.newlines(bytes, from, end))
                    .as("bytes %d to %d of round %d (seed %d)", from, end, round, seed)
                    .isEqualTo(oneByOne(bytes, from, end));
        }
    }

    @Test
    void countsLongRunsOfNewlinesWithoutOverflow() {
        for (int length : new int[] {0, 1, 7, 8, 9, 2039, 2040, 2041, 2048, 100_000}) {
            byte[] bytes = new byte[length + 3];
            Arrays.fill(bytes, (byte) '\n');
            assertThat(PgCustomFormatRows.newlines(bytes, 3, bytes.length)).as("%d newlines", length)
                    .isEqualTo(length);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void countsTheLastBytesOfAnArrayOfNearlyTwoGibibytes() {
        byte[] bytes = new byte[Integer.MAX_VALUE - 2];
        Arrays.fill(bytes, bytes.length - 20, bytes.length, (byte) '\n');
        // Word by word up to 8 bytes from the end, where i + 8 overflows an int.
        assertThat(PgCustomFormatRows.newlines(bytes, bytes.length - 20, bytes.length)).isEqualTo(20);
    }

    private static long oneByOne(byte[] bytes, int from, int end) {
        long count = 0;
        for (int i = from; i < end; i++) {
            count += bytes[i] == '\n' ? 1 : 0;
        }
        return count;
    }
}
