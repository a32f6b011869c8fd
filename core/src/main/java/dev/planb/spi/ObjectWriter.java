/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A stream that writes one object to a {@link Destination}. Nothing is visible until
 * {@link #commit()} returns; {@link #close()} without a commit discards what was written.
 * The pipeline writes from one thread, calls {@link #flush()} on that same thread after the last
 * write, then commits from another: a writer whose stream is tied to its writing thread
 * finishes that thread's work in {@code flush()}. As with any {@link OutputStream}, the caller
 * reuses an array once {@code write} returns: a writer that sends bytes later copies them first.
 *
 * <pre>{@code
 * try (ObjectWriter out = destination.create("app/x/data.bin")) {
 *     out.write(bytes);
 *     out.commit();
 * }
 * }</pre>
 */
public abstract class ObjectWriter extends OutputStream {

    /** For subclasses, which implement {@link #write(int)}, {@link #commit()} and {@link #close()}. */
    public ObjectWriter() {
    }

    /**
     * Makes the object visible, complete and durable. After this, {@link #close()} does nothing.
     *
     * @throws IOException if the object could not be stored; it is then not visible
     */
    public abstract void commit() throws IOException;

    /**
     * {@return what the storage did not confirm about a committed object, one line each}, for the run's
     * result; e.g. an Object Lock that could not be read back. Empty unless the destination has
     * something to say.
     */
    public List<String> warnings() {
        return List.of();
    }

    /** Discards the object unless it was committed. */
    @Override
    public abstract void close() throws IOException;
}
