package dev.planb.internal;

import dev.planb.Destination;
import dev.planb.ObjectWriter;
import java.io.IOException;

/** Small objects held in memory (manifests, restore guides), written by backup and pull runs. */
public final class StoredObjects {

    private StoredObjects() {
    }

    /** Writes and commits a small object. */
    public static void write(Destination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }
}
