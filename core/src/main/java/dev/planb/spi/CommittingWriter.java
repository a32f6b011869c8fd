/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The life of an {@link ObjectWriter} that writes somewhere invisible (a temporary name, staged blocks, a multipart
 * upload) and makes the object visible on {@link #commit()}: a failed commit aborts, a close without commit aborts,
 * and each happens once. A destination supplies the four steps; this class keeps the order.
 *
 * <p>Most writers stream into a temporary file or upload: they pass that stream to the constructor and implement
 * {@link #finish()} and {@link #abort()} only.
 *
 * <pre>{@code
 * final class FileWriter extends CommittingWriter {
 *     FileWriter(OutputStream temporaryFile, ...) { super(target, temporaryFile); }
 *     protected void finish() throws IOException { out().close(); rename(temporary, target); }
 *     protected void abort() throws IOException { out().close(); delete(temporary); }
 * }
 * }</pre>
 */
public abstract class CommittingWriter extends ObjectWriter {

    private final String name;
    private final OutputStream out;
    private boolean open = true;

    /**
     * A writer that buffers or sends its bytes itself: it overrides {@link #send}.
     *
     * @param name the object in messages (its key or the path it gets)
     */
    protected CommittingWriter(String name) {
        this(name, null);
    }

    /**
     * A writer that streams into {@code out} (a temporary file, an upload's stream) until it commits.
     *
     * @param name the object in messages (its key or the path it gets)
     * @param out where the bytes go before the commit
     */
    protected CommittingWriter(String name, OutputStream out) {
        this.name = name;
        this.out = out;
    }

    /** {@return the object's name, for messages} */
    protected final String name() {
        return name;
    }

    /**
     * {@return the stream given to the constructor}
     *
     * @throws IllegalStateException when none was given: such a writer must override {@link #send}
     */
    protected final OutputStream out() {
        if (out == null) {
            throw new IllegalStateException(getClass().getName() + " has no stream: it must override send()");
        }
        return out;
    }

    /**
     * Sends bytes on their way to the temporary place: by default, into the stream given to the constructor.
     *
     * @param bytes the buffer holding the bytes
     * @param offset where they start in {@code bytes}
     * @param length how many to send
     * @throws IOException if they cannot be sent; {@link #failed} turns it into the exception thrown
     */
    protected void send(byte[] bytes, int offset, int length) throws IOException {
        out().write(bytes, offset, length);
    }

    /**
     * Waits until everything sent so far has arrived, on the writing thread: by default, flushes the stream given
     * to the constructor, if any.
     *
     * @throws IOException if something sent did not arrive; {@link #failed} turns it into the exception thrown
     */
    protected void drain() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /**
     * Completes the upload and makes the object visible under its final name. When this throws, {@link #abort()}
     * follows.
     *
     * @throws IOException if the object could not be completed
     */
    protected abstract void finish() throws IOException;

    /**
     * Throws away what was written (best effort: what is left is hidden, and {@code planb cleanup} removes it).
     *
     * @throws IOException if it could not be thrown away
     */
    protected abstract void abort() throws IOException;

    /**
     * The exception to throw for a failure while sending or draining, e.g. one naming the destination and what
     * to do; the failure itself by default.
     *
     * @param failure what {@link #send} or {@link #drain} threw
     * @return the exception to throw instead
     */
    protected IOException failed(IOException failure) {
        return failure;
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] bytes, int offset, int length) throws IOException {
        if (!open) {
            throw new IOException("already committed or discarded: " + name);
        }
        try {
            send(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public final void flush() throws IOException {
        if (!open) {
            return;
        }
        try {
            drain();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public final void commit() throws IOException {
        if (!open) {
            throw new IOException("already committed or discarded: " + name);
        }
        try {
            finish();
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        open = false;
    }

    /** Aborts unless the object was committed; a second close does nothing. */
    @Override
    public final void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        abort();
    }
}
