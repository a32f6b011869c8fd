/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.planb.internal.json.StoredJson;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;

/**
 * Writes a {@code manifest.json} as PlanB stores it: its fields in order, optional ones only when set, times in
 * ISO-8601, indented, and last the checksum of its own content ({@link ManifestChecksum}), which
 * {@link ManifestReader} proves. The format does not depend on any Jackson the application configures.
 *
 * <pre>{@code
 * byte[] json = ManifestWriter.write(manifest);
 * Manifest same = ManifestReader.read(json, "manifest.json");
 * }</pre>
 */
public final class ManifestWriter {

    private ManifestWriter() {
    }

    /**
     * The manifest's JSON, as PlanB stores it.
     *
     * @param manifest the manifest to write
     * @return its JSON in UTF-8, checksum last
     * @throws IllegalStateException when it cannot be serialised, which is a bug in PlanB
     */
    public static byte[] write(Manifest manifest) {
        try {
            return StoredJson.mapper().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest of backup " + manifest.backupId(), e);
        }
    }
}
