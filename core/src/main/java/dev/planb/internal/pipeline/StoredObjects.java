/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.pipeline;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.util.List;

/**
 * Small objects held in memory (manifests, restore guides), written by backup and pull runs; and the listing that
 * holds, drill results and pulls read them back by.
 */
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

    /**
     * The objects under {@code prefix}.
     *
     * @throws PlanBException ({@link ErrorCode#DESTINATION_FAILED}) naming the destination when it cannot be listed
     */
    public static List<StoredObject> list(Destination destination, String prefix) {
        try {
            return destination.list(prefix);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot list " + destination.description() + ": "
                    + Messages.firstLine(e), e);
        }
    }
}
