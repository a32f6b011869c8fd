/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files.internal;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.planb.internal.json.StoredJson;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an index line by line, in {@link PathOrder}, and finds entries by moving forward only:
 * looking paths up in walk order reads the index once, with constant memory.
 */
final class IndexReader implements Closeable {

    private static final ObjectReader READER = StoredJson.mapper().readerFor(IndexEntry.class);

    private final BufferedReader lines;
    private IndexEntry next;

    IndexReader(InputStream in) throws IOException {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        advance();
    }

    /** An empty index: every lookup misses. */
    static IndexReader empty() throws IOException {
        return new IndexReader(InputStream.nullInputStream());
    }

    /** The entry for {@code path}, skipping the entries before it; call with paths in walk order. */
    Optional<IndexEntry> find(String path) throws IOException {
        while (next != null && PathOrder.WALK.compare(next.path(), path) < 0) {
            advance();
        }
        return next != null && next.path().equals(path) ? Optional.of(next) : Optional.empty();
    }

    /** The next entry, or empty at the end. */
    Optional<IndexEntry> next() throws IOException {
        IndexEntry current = next;
        if (current != null) {
            advance();
        }
        return Optional.ofNullable(current);
    }

    private void advance() throws IOException {
        String line = lines.readLine();
        next = line == null ? null : READER.readValue(line);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
