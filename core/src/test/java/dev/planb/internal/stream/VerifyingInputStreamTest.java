/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.Compression;
import dev.planb.spi.support.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {

    private static final String FILE = "file:/backups/app/20261124T235903Z-3fa9c1/database.sqlite.gz";
    private static final byte[] DATA = randomBytes(200_000);

    @Test
    void passesTheBytesThroughWhenSizeAndChecksumMatch() throws IOException {
        try (VerifyingInputStream in = verifying(DATA, DATA.length, sha256(DATA))) {
            assertThat(in.readAllBytes()).isEqualTo(DATA);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aChecksumMismatchIsThrownAtTheEndNamingTheFile() {
        byte[] altered = DATA.clone();
        altered[1000] ^= 1;

        assertThatThrownBy(() -> verifying(altered, DATA.length, sha256(DATA)).readAllBytes())
                .isInstanceOf(ChecksumMismatchException.class)
                .hasMessageContaining(FILE)
                .hasMessageContaining("checksum");
    }

    @Test
    void aSizeMismatchIsThrownOnSingleByteReadsToo() {
        byte[] truncated = Arrays.copyOf(DATA, DATA.length - 1);

        assertThatThrownBy(() -> {
            InputStream in = verifying(truncated, DATA.length, sha256(DATA));
            while (in.read() >= 0) {
                // read byte by byte
            }
        }).isInstanceOf(ChecksumMismatchException.class).hasMessageContaining(FILE).hasMessageContaining("size");
    }

    @Test
    void skippedBytesAreCheckedToo() throws IOException {
        byte[] altered = DATA.clone();
        altered[10] ^= 1;
        VerifyingInputStream in = verifying(altered, DATA.length, sha256(DATA));

        assertThat(in.skip(100)).isEqualTo(100);
        assertThatThrownBy(in::readToEndAndVerify).isInstanceOf(ChecksumMismatchException.class);
        assertThatThrownBy(in::readToEndAndVerify).as("reported again, however often asked")
                .isInstanceOf(ChecksumMismatchException.class);
    }

    @Test
    void aMismatchSwallowedByTheDecompressorIsStillReportedAtTheEndOfTheDump() throws IOException {
        // GZIPInputStream on JDK 23+ reads past a member's trailer for a next member and takes an IOException there
        // for the end of the data; this decompressor does the same on any JDK.
        VerifyingInputStream verifying = verifying(DATA, DATA.length, sha256(new byte[] {1}));
        InputStream swallowing = new FilterInputStream(verifying) {
            @Override
            public int read(byte[] b, int off, int len) {
                try {
                    return in.read(b, off, len);
                } catch (IOException endOfMembers) {
                    return -1;
                }
            }
        };

        assertThatThrownBy(() -> new VerifiedDumpInputStream(swallowing, verifying).readAllBytes())
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining("SHA-256 checksum mismatch");
    }

    @Test
    void readToEndAndVerifyAcceptsASoundFileAfterAPartialRead() throws IOException {
        VerifyingInputStream in = verifying(DATA, DATA.length, sha256(DATA));
        assertThat(in.readNBytes(1234)).isEqualTo(Arrays.copyOf(DATA, 1234));

        in.readToEndAndVerify();

        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void theDecompressedDumpEndsOnlyAfterTheStoredBytesMatch() throws IOException {
        byte[] gzip = gzip(DATA);
        try (InputStream dump = dump(gzip, sha256(gzip))) {
            assertThat(dump.readAllBytes()).isEqualTo(DATA);
        }
        assertThatThrownBy(() -> dump(gzip, sha256(DATA)).readAllBytes())
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining(FILE);
    }

    @Test
    void corruptionThatBreaksDecompressionIsReportedAsAChecksumMismatch() throws IOException {
        byte[] gzip = gzip(DATA);
        byte[] corrupt = gzip.clone();
        for (int i = 100; i < 200; i++) {
            corrupt[i] ^= (byte) 0x5A;
        }

        assertThatThrownBy(() -> dump(corrupt, sha256(gzip)).readAllBytes())
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining("checksum");
    }

    private static VerifyingInputStream verifying(byte[] bytes, long size, String sha256) {
        return new VerifyingInputStream(new ByteArrayInputStream(bytes), size, sha256, FILE);
    }

    private static InputStream dump(byte[] stored, String sha256) throws IOException {
        VerifyingInputStream verifying = verifying(stored, stored.length, sha256);
        return new VerifiedDumpInputStream(Compression.GZIP.decompress(verifying), verifying);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = Compression.GZIP.compress(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(3).nextBytes(bytes);
        return bytes;
    }
}
