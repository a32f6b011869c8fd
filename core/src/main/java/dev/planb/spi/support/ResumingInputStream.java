/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import dev.planb.PlanBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stored object read through one request after another: when a read fails mid-way (a connection that the
 * server, a proxy or the network drops, which a restore of many gigabytes meets more often than a small read),
 * the rest is opened from where reading stopped and reading carries on. After {@code attempts} failures in a row
 * without a byte read, the last failure is thrown. A thread that is interrupted stops at once.
 *
 * <p>The opener must return the same object's bytes from the offset on (for S3, a ranged GET bound to the first
 * response's ETag), so that what a restore reads is one object; the manifest's size and SHA-256, checked by the
 * reader at the end, remain the proof.
 */
public final class ResumingInputStream extends InputStream {

    /** How many times in a row {@link #open} opens an object again after a read broke off without a byte read. */
    public static final int ATTEMPTS = 5;
    /** {@link #open}'s pause before the first new attempt; it doubles after each failed one: 1, 2, 4, 8, 16 s. */
    public static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ResumingInputStream.class);

    /** Opens the object from an offset. */
    @FunctionalInterface
    public interface Opener {
        /**
         * Opens the object's bytes from {@code offset} to its end.
         *
         * @param offset the first byte to read, from 0
         * @return a stream of the object's bytes from {@code offset}
         * @throws IOException when the object cannot be opened (it is gone or changed, say)
         */
        InputStream open(long offset) throws IOException;
    }

    private final Opener opener;
    private final String description;
    private final int attempts;
    private final Duration pause;
    private InputStream current;
    private long position;

    /**
     * @param first the object opened from its start
     * @param opener opens it again from an offset after a failed read
     * @param description what is read, for the log, e.g. {@code s3://bucket/key}
     * @param attempts how many times in a row it is opened again before a failure is thrown
     * @param pause the wait before the first new attempt; it doubles after each failed one
     */
    public ResumingInputStream(InputStream first, Opener opener, String description, int attempts, Duration pause) {
        this.current = first;
        this.opener = opener;
        this.description = description;
        this.attempts = attempts;
        this.pause = pause;
    }

    /**
     * Opens an object from its start, read on from where a read breaks off up to {@link #ATTEMPTS} times in a row,
     * after pauses of {@link #FIRST_PAUSE} doubling each time.
     *
     * @param opener opens the object from an offset; called with 0 at once
     * @param description what is read, for the log, e.g. {@code sftp://host/folder/key}
     * @return the object's bytes
     * @throws IOException when the object cannot be opened from its start
     */
    public static ResumingInputStream open(Opener opener, String description) throws IOException {
        return resume(opener.open(0), opener, description);
    }

    /**
     * Reads an object already opened, with the same attempts and pauses as {@link #open(Opener, String)}: for a
     * storage whose first response tells how to open the rest (S3's ETag, say).
     *
     * @param first the object opened from its start
     * @param rest opens it again from an offset after a failed read
     * @param description what is read, for the log, e.g. {@code s3://bucket/key}
     * @return the object's bytes
     */
    public static ResumingInputStream resume(InputStream first, Opener rest, String description) {
        return new ResumingInputStream(first, rest, description, ATTEMPTS, FIRST_PAUSE);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int failures = 0;
        while (true) {
            try {
                if (current == null) {
                    current = reopen();
                }
                int n = current.read(b, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                closeQuietly();
                if (++failures > attempts) {
                    throw e;
                }
                LOG.info("Reading {} stopped after {} bytes ({}); reading on from there, attempt {} of {}", description,
                        position, Messages.firstLine(e), failures, attempts);
                pause(pause.multipliedBy(1L << (failures - 1)));
            }
        }
    }

    /** Opens the rest; a storage module that cannot connect yet (a {@link PlanBException}) fails this attempt only. */
    private InputStream reopen() throws IOException {
        try {
            return opener.open(position);
        } catch (PlanBException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            current = null; // the connection is broken: there is nothing left to release
        }
    }

    private static void pause(Duration wait) throws InterruptedIOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to read on");
        }
    }
}
