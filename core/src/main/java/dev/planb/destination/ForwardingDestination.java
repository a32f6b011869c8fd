/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.destination;

import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination that passes every call on to another one; a subclass overrides what it changes, e.g. a destination
 * that is slow, refuses deletes, or records what was written. {@link #checkProtection()} is not passed on: it runs
 * the canary check through this destination's own methods, so that what a subclass changes counts.
 *
 * <pre>{@code
 * Destination recording = new ForwardingDestination(new LocalDirectoryDestination(folder)) {
 *     public void delete(String key) throws IOException {
 *         deleted.add(key);
 *         super.delete(key);
 *     }
 * };
 * }</pre>
 */
public abstract class ForwardingDestination implements Destination {

    private final Destination delegate;

    /**
     * A destination that passes every call on to {@code delegate}.
     *
     * @param delegate the destination that does the work
     */
    protected ForwardingDestination(Destination delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** {@return the destination the calls are passed on to} */
    protected Destination delegate() {
        return delegate;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public ObjectWriter create(String key) throws IOException {
        return delegate.create(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return delegate.open(key);
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public boolean canDelete() {
        return delegate.canDelete();
    }

    @Override
    public Optional<Instant> retainedUntil(String key) throws IOException {
        return delegate.retainedUntil(key);
    }

    @Override
    public Optional<String> requiredProtection() {
        return delegate.requiredProtection();
    }

    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        return delegate.incompleteWrites(prefix);
    }

    @Override
    public void discard(IncompleteWrite write) throws IOException {
        delegate.discard(write);
    }
}
