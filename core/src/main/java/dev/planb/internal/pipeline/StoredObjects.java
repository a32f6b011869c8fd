/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import java.io.IOException;
import java.util.List;

/** Small objects held in memory (manifests, restore guides), written by backup and pull runs. */
public final class StoredObjects {

    private StoredObjects() {
    }

    /**
     * Writes and commits a small object.
     *
     * @return what the destination did not confirm about it ({@link ObjectWriter#warnings()})
     */
    public static List<String> write(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
            return writer.warnings();
        }
    }
}
