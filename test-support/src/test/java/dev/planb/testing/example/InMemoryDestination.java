/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.example;

import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A destination written the way a third party writes one: against {@code dev.planb.spi} alone
 * (docs/architecture.md). Objects live in a map; a writer's bytes become visible only on commit.
 */
final class InMemoryDestination implements Destination {

    private final String name;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    InMemoryDestination(String name) {
        this.name = name;
    }

    @Override
    public String description() {
        return "memory:" + name;
    }

    @Override
    public ObjectWriter create(String key) {
        return new ObjectWriter() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            private boolean committed;

            @Override
            public void write(int b) {
                buffer.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                buffer.write(bytes, offset, length);
            }

            @Override
            public void commit() {
                objects.put(key, buffer.toByteArray());
                committed = true;
            }

            @Override
            public void close() {
                if (!committed) {
                    buffer.reset();
                }
            }
        };
    }

    @Override
    public InputStream open(String key) throws IOException {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new NoSuchFileException(description() + "/" + key);
        }
        return new ByteArrayInputStream(content);
    }

    @Override
    public List<StoredObject> list(String prefix) {
        return objects.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(entry -> new StoredObject(entry.getKey(), entry.getValue().length)).toList();
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }
}
