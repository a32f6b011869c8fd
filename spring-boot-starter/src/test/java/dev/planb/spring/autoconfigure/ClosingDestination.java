/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A folder that, like an S3 or SFTP destination, holds connections to close, and whose data writes take
 * {@code slowness} (a cancelled backup stops waiting).
 */
final class ClosingDestination implements Destination, AutoCloseable {

    private final LocalDirectoryDestination folder;
    private final Duration slowness;
    private final AtomicBoolean closed = new AtomicBoolean();

    ClosingDestination(Path folder, Duration slowness) {
        this.folder = new LocalDirectoryDestination(folder);
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
        return "closing:" + folder.description();
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
        return folder.create(key);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return folder.open(key);
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        return folder.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        folder.delete(key);
    }
}
