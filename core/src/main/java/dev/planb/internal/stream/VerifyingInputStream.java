/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.stream;

import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Sha256;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Reads a stored artifact and, when its end is reached, checks its size and SHA-256 against the
 * manifest: a mismatch throws {@link ChecksumMismatchException} instead of reporting the end, so
 * a reader that consumes the stream to its end never mistakes corrupt data for good data.
 * {@link #sizeOnly} checks only the size, for bytes that another check already fixes. A read that fails (a dropped
 * connection, say) is no finding about the artifact: it is thrown as an {@link IOException} naming the file and how
 * far it was read, and from then on every read and check throws it again, so a stream that ends after the failure
 * is never taken for a truncated file.
 */
public final class VerifyingInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final long expectedSize;
    private final String expectedSha256;
    private final String file;
    private long size;
    private boolean verified;
    private String mismatch;
    private IOException readFailure;

    /**
     * @param in the stored bytes
     * @param expectedSize the size the manifest records
     * @param expectedSha256 the SHA-256 the manifest records, lower-case hex
     * @param file the artifact's location, named in the error
     */
    public VerifyingInputStream(InputStream in, long expectedSize, String expectedSha256, String file) {
        this(in, expectedSize, expectedSha256, Sha256.newDigest(), file);
    }

    private VerifyingInputStream(InputStream in, long expectedSize, String expectedSha256, MessageDigest digest,
            String file) {
        super(in);
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        this.digest = digest;
        this.file = file;
    }

    /**
     * Checks only the size: for the decrypted bytes of an artifact whose stored bytes are checked and whose
     * decryption checks its own integrity code, so a second SHA-256 pass would add nothing but its cost.
     */
    public static VerifyingInputStream sizeOnly(InputStream in, long expectedSize, String file) {
        return new VerifyingInputStream(in, expectedSize, null, null, file);
    }

    /** The bytes read so far. */
    public long bytesRead() {
        return size;
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = readFailure == null ? in.read() : -1;
        } catch (ChecksumMismatchException e) {
            throw e;
        } catch (IOException e) {
            throw keep(e);
        }
        if (b < 0) {
            verify();
        } else {
            if (digest != null) {
                digest.update((byte) b);
            }
            size++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = readFailure == null ? in.read(b, off, len) : -1;
        } catch (ChecksumMismatchException e) {
            throw e;
        } catch (IOException e) {
            throw keep(e);
        }
        if (n < 0) {
            verify();
        } else {
            if (digest != null) {
                digest.update(b, off, n);
            }
            size += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return ReadingSkip.skip(this, n);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /**
     * Reads whatever is left and checks the artifact. Once checked, a sound artifact is not read again, and a mismatch
     * is thrown again on every call: a reader above (e.g. {@code GZIPInputStream} on JDK 23 and later, looking for a
     * further member) may swallow the first report.
     */
    public void readToEndAndVerify() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (!verified && read(buffer, 0, buffer.length) >= 0) {
            // reading is the point: the checksum covers every byte
        }
        verify();
    }

    /**
     * Keeps a failure of the underlying stream (other than a check's), with the file and the offset, to be thrown
     * again by every later read and check.
     */
    private IOException keep(IOException failure) {
        readFailure = new IOException(file + ": reading stopped after " + size + " of " + expectedSize + " bytes: "
                + Messages.firstLine(failure), failure);
        return readFailure;
    }

    private void verify() throws IOException {
        if (readFailure != null) {
            throw new IOException(readFailure.getMessage(), readFailure.getCause()); // new each time, as a mismatch
        }
        if (!verified) {
            verified = true;
            if (size != expectedSize) {
                mismatch = file + ": size is " + size + " bytes but the manifest records " + expectedSize
                        + ": the file is truncated or altered";
            } else if (digest != null) {
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(expectedSha256)) {
                    mismatch = file + ": SHA-256 checksum mismatch: the file's is " + actual + ", the manifest records "
                            + expectedSha256 + ": the file is corrupt or altered";
                }
            }
        }
        if (mismatch != null) {
            throw new ChecksumMismatchException(mismatch); // a new one each time: callers may add one to another
        }
    }
}
