/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.ObjectWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A folder that, like an S3 or SFTP destination, holds connections to close, and whose data writes take
 * {@code slowness} (a cancelled backup stops waiting).
 */
final class ClosingDestination extends ForwardingDestination implements AutoCloseable {

    private final Duration slowness;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClosingDestination(Path folder, Duration slowness) {
        super(new LocalDirectoryDestination(folder));
        this.slowness = slowness;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String description() {
        return "closing:" + super.description();
    }

    @Override
    public ObjectWriter create(String key) throws IOException {
        if (!key.endsWith(".json") && !key.endsWith(".md")) {
            try {
                Thread.sleep(slowness.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("writing " + key + " was interrupted");
            }
        }
        return super.create(key);
    }
}
