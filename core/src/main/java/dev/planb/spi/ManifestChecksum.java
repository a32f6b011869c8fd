/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.spi.support.Json;
import dev.planb.spi.support.Sha256;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * The checksum a manifest carries of its own content, in its {@value #FIELD} field: the SHA-256 of
 * the manifest's canonical JSON, that is every field but this one, object keys sorted, no
 * whitespace, UTF-8. It is part of the one object that is written last, so the manifest stays the
 * commit marker and is still written once; a copy of the manifest's bytes carries it along.
 * By hand, for manifests of ASCII text: {@code jq -cS 'del(.manifestSha256)' manifest.json | tr -d '\n' | sha256sum}.
 */
public final class ManifestChecksum {

    /** The field that holds the checksum. */
    public static final String FIELD = "manifestSha256";

    private static final ObjectMapper CANONICAL = Json.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    private ManifestChecksum() {
    }

    /**
     * The checksum of a manifest as read, or about to be written: of every field of {@code manifest} but
     * {@value #FIELD}, whatever it holds.
     *
     * @param manifest the manifest's JSON object; not changed
     * @return the SHA-256 of its canonical form, lower-case hex
     */
    public static String of(JsonNode manifest) {
        ObjectNode content = manifest.deepCopy();
        content.remove(FIELD);
        try {
            return HexFormat.of().formatHex(Sha256.newDigest().digest(CANONICAL.writeValueAsBytes(sorted(content))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a manifest's canonical form", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
