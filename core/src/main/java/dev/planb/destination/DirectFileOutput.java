/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a new file past the kernel's page cache (direct I/O, {@code O_DIRECT}) once it is larger than one buffer of
 * {@link #BUFFER} bytes. A backup file is written once and not read back soon: through the page cache it would push
 * the application's own data out of memory, and cost the kernel a copy and a fresh page for every 4 KiB, which on a
 * virtual machine is often the larger part of a backup's system CPU (BENCHMARKS.md). Smaller files (manifests,
 * {@code RESTORE.md}) are written as usual.
 *
 * <p>Direct writes go from a buffer aligned to {@link #ALIGNMENT}, whole buffers at a time; what is left at the end is
 * written in whole blocks directly and its last partial block through the ordinary channel. Direct I/O is only ever
 * a saving: where the file system refuses it, wants a larger alignment, or a direct write fails, the file goes on
 * with ordinary writes from where the direct ones stopped, and only a failed ordinary write is an error, after which
 * the stream refuses further writes. Durability is the caller's: it syncs the ordinary channel before it commits,
 * which also flushes the disk's cache for the direct writes.
 */
final class DirectFileOutput extends OutputStream {

    /** The aligned buffer's size: files of this size or larger are written directly, this many bytes per write. */
    static final int BUFFER = 1 << 20;
    /**
     * The alignment of direct writes' memory, offsets and lengths: the logical block of today's disks (512 bytes or
     * 4 KiB). A file system that asks for more refuses the write, and the file goes on with ordinary writes.
     */
    static final int ALIGNMENT = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(DirectFileOutput.class);
    /** Buffers kept for the next files: as many as were in use at once, at most this many. */
    private static final BlockingQueue<ByteBuffer> SPARE = new ArrayBlockingQueue<>(8);

    private final Path file;
    private final FileChannel channel;
    private final DirectChannelOpener opener;
    private ByteBuffer buffer;
    /** The bytes in the file; the buffer holds the ones after them. */
    private long written;
    private long writtenDirectly;
    private Mode mode = Mode.BUFFERING;
    private FileChannel direct;
    private IOException failure;
    private boolean closed;

    private enum Mode {
        /** Gathering the first buffer: the file may stay small. */
        BUFFERING,
        /** Whole buffers go straight to the disk. */
        DIRECT,
        /** Ordinary writes: a small file, a file system without direct I/O, or after an unaligned flush. */
        ORDINARY
    }

    /** Opens a file for direct writes; the seam tests use to stand in for a file system that refuses them. */
    @FunctionalInterface
    interface DirectChannelOpener {
        /**
         * Opens {@code file} for direct writes.
         *
         * @throws IOException or a {@link RuntimeException} when direct writes cannot be had
         */
        FileChannel open(Path file) throws IOException;
    }

    /**
     * @param file the new file, named in logs
     * @param channel the file opened for ordinary writes, empty; the caller syncs and closes it
     */
    DirectFileOutput(Path file, FileChannel channel) {
        this(file, channel, path -> FileChannel.open(path, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT));
    }

    DirectFileOutput(Path file, FileChannel channel, DirectChannelOpener opener) {
        this.file = file;
        this.channel = channel;
        this.opener = opener;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        ensureWritable();
        while (length > 0 && mode != Mode.ORDINARY) {
            if (buffer == null) {
                buffer = takeBuffer();
                if (buffer == null) {
                    mode = Mode.ORDINARY;
                    break;
                }
            }
            int n = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, n);
            offset += n;
            length -= n;
            if (!buffer.hasRemaining()) {
                writeFullBuffer();
            }
        }
        if (length > 0) {
            writeOrdinary(ByteBuffer.wrap(bytes, offset, length));
        }
    }

    /**
     * Writes every byte received so far into the file: the whole blocks directly, the rest through the ordinary
     * channel. Later writes, if any, are ordinary ones, as the file's end is then no longer aligned.
     */
    @Override
    public void flush() throws IOException {
        ensureWritable();
        if (buffer == null) {
            return;
        }
        buffer.flip();
        if (mode == Mode.DIRECT) {
            int whole = buffer.limit() / ALIGNMENT * ALIGNMENT;
            if (whole > 0) {
                int end = buffer.limit();
                buffer.limit(whole);
                writeDirect();
                buffer.limit(end);
            }
        }
        writeOrdinary(buffer);
        mode = Mode.ORDINARY;
        release();
    }

    /**
     * Writes what is left unless an earlier write failed, and lets go of the direct channel and the buffer; the
     * ordinary channel stays open. A second close does nothing.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (failure == null) {
                flush();
                LOG.debug("Wrote {} of {} bytes of {} directly", writtenDirectly, written, file);
            }
        } finally {
            discard();
        }
    }

    /**
     * Lets go of the direct channel and the buffer without writing what is left (the file is being thrown away).
     * The buffer is not kept for another file: an aborting thread may call this while the writing one still holds it.
     */
    void discard() {
        closed = true;
        buffer = null;
        closeDirect();
    }

    /** {@return how many of the file's bytes were written directly, past the page cache} */
    long writtenDirectly() {
        return writtenDirectly;
    }

    /** {@return how many of the file's bytes were written through the page cache (the ones a sync writes back)} */
    long writtenThroughPageCache() {
        return written - writtenDirectly;
    }

    private void ensureWritable() throws IOException {
        if (failure != null) {
            throw new IOException("An earlier write to " + file + " failed", failure);
        }
        if (closed) {
            throw new IOException(file + " is closed");
        }
    }

    private void writeFullBuffer() throws IOException {
        buffer.flip();
        if (mode == Mode.BUFFERING) {
            mode = openDirect() ? Mode.DIRECT : Mode.ORDINARY;
        }
        if (mode == Mode.DIRECT) {
            writeDirect();
        }
        if (buffer.hasRemaining()) {
            writeOrdinary(buffer);
        }
        buffer.clear();
        if (mode == Mode.ORDINARY) {
            release();
        }
    }

    /** Writes the buffer's bytes directly (their length a multiple of the alignment), or leaves them on failure. */
    private void writeDirect() {
        int start = buffer.position();
        try {
            while (buffer.hasRemaining()) {
                int n = direct.write(buffer, written);
                written += n;
                writtenDirectly += n;
            }
        } catch (IOException e) {
            LOG.debug("Direct writes to {} failed ({}); going on with ordinary writes", file, e.toString());
            int done = buffer.position() - start;
            written -= done;
            writtenDirectly -= done;
            buffer.position(start);
            mode = Mode.ORDINARY;
            closeDirect();
        }
    }

    private void writeOrdinary(ByteBuffer bytes) throws IOException {
        try {
            while (bytes.hasRemaining()) {
                written += channel.write(bytes, written);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    private boolean openDirect() {
        try {
            direct = opener.open(file);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("No direct writes to {} ({}); writing it through the page cache", file, e.toString());
            return false;
        }
    }

    /** Closes the direct channel; the ordinary one holds the same file open and is the one synced. */
    private void closeDirect() {
        if (direct != null) {
            try {
                direct.close();
            } catch (IOException e) {
                LOG.debug("Closing the direct channel to {} failed", file, e);
            }
            direct = null;
        }
    }

    /** A spare buffer, a new one, or none when direct memory is used up: the file is then written as usual. */
    private ByteBuffer takeBuffer() {
        ByteBuffer spare = SPARE.poll();
        if (spare != null) {
            return spare;
        }
        try {
            return ByteBuffer.allocateDirect(BUFFER + ALIGNMENT).alignedSlice(ALIGNMENT).limit(BUFFER).slice();
        } catch (OutOfMemoryError e) {
            // -XX:MaxDirectMemorySize reached, not the heap: recoverable, and no reason to fail a backup.
            LOG.debug("No direct memory for a buffer to write {} ({})", file, e.getMessage());
            return null;
        }
    }

    private void release() {
        if (buffer != null) {
            SPARE.offer(buffer.clear());
            buffer = null;
        }
    }
}
