/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local destination that records what is listed and opened on it, for tests of how much a run reads. */
public final class ReadCountingDestination extends ForwardingDestination {
    private final List<String> reads = new CopyOnWriteArrayList<>();

    public ReadCountingDestination(Path root) {
        super(new LocalDirectoryDestination(root));
    }

    /** {@return what was read so far: {@code list PREFIX} and {@code open KEY}, in order} */
    public List<String> reads() {
        return reads;
    }

    @Override
    public InputStream open(String key) throws IOException {
        reads.add("open " + key);
        return super.open(key);
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        reads.add("list " + prefix);
        return super.list(prefix);
    }
}
