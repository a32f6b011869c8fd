/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Json;

/**
 * The one mapper of everything PlanB stores: {@link Json}'s settings (ISO-8601 times, indented, tolerant of new
 * fields) plus the manifest's mapping, kept here as mix-ins ({@link ManifestMixIns}) rather than as annotations on
 * {@link Manifest}. The public types stay free of Jackson, so an application's own Jackson (2 or 3, configured as it
 * likes) neither sees nor changes the format on storage; this mapper is PlanB's own and never configured from outside.
 */
public final class StoredJson {

    /** Manifests without their checksum: the content the checksum covers. */
    static final ObjectMapper CONTENT = Json.mapper().copy().registerModule(module(ManifestMixIns.Content.class));

    private static final ObjectMapper MAPPER = Json.mapper().copy().registerModule(module(ManifestMixIns.Stored.class));

    private StoredJson() {
    }

    /** The shared, thread-safe mapper of stored JSON; manifests written with it carry their checksum. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static SimpleModule module(Class<?> manifestMixIn) {
        SimpleModule module = new SimpleModule("planb-stored-json");
        module.setMixInAnnotation(Manifest.class, manifestMixIn);
        module.setMixInAnnotation(Manifest.EngineInfo.class, ManifestMixIns.EngineInfo.class);
        module.setMixInAnnotation(Manifest.Artifact.class, ManifestMixIns.Artifact.class);
        return module;
    }
}
