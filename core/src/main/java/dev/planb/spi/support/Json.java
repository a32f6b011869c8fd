/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings of everything PlanB stores and prints: ISO-8601 times, indented, tolerant of new fields. A
 * plain Jackson 2 mapper of PlanB's own, never the application's, for a front end's output (listings, status).
 * It does not know the manifest's format: read and write a {@code manifest.json} with
 * {@link dev.planb.catalog.ManifestReader} and {@link dev.planb.catalog.ManifestWriter}, which add the rest of it
 * (optional fields left out, the checksum written last).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** {@return the shared, thread-safe mapper}; do not reconfigure it, {@link ObjectMapper#copy() copy} it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
