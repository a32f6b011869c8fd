/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.internal.json.StoredJson;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;
import dev.planb.spi.support.Json;
import dev.planb.verify.VerificationRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON PlanB keeps on storage does not change under a reader: the fixtures in {@code dev/planb/json} were
 * written by PlanB before the manifest's JSON mapping moved off its public types (by commit 0ef840c's code: a
 * manifest with every optional field, one with none, a verification record), and today's code reads each one and
 * writes the same bytes back: the same fields, in the same order, with the same inclusion rules, times and checksum.
 * Fields a newer PlanB adds are still ignored.
 */
class StoredJsonCompatibilityTest {

    @ParameterizedTest
    @ValueSource(strings = {"manifest-full.json", "manifest-minimal.json"})
    void aManifestWrittenBeforeIsReadAndWrittenBackUnchanged(String fixture) throws Exception {
        byte[] stored = fixture(fixture);

        Manifest manifest = ManifestReader.read(stored, fixture);
        byte[] written = write(manifest);

        assertSameJson(written, stored);
    }

    @Test
    void aVerificationRecordWrittenBeforeIsReadAndWrittenBackUnchanged() throws Exception {
        byte[] stored = fixture("verification-record.json");

        VerificationRecord record = StoredJson.mapper().readValue(stored, VerificationRecord.class);
        byte[] written = StoredJson.mapper().writeValueAsBytes(record);

        assertSameJson(written, stored);
    }

    @Test
    void fieldsANewerPlanBAddsAreIgnored() throws Exception {
        byte[] stored = fixture("manifest-full.json");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(stored);
        tree.putObject("retention").put("keepUntil", "2027-01-01T00:00:00Z");
        ((ObjectNode) tree.get("engine")).put("edition", "enterprise");
        ((ObjectNode) tree.get("artifacts").get(0)).put("storageClass", "GLACIER");
        ((ObjectNode) tree.get("artifacts").get(0).get("openpgp")).put("aead", true);
        ((ObjectNode) tree.get("files").get(0)).put("owner", "www-data");
        ((ObjectNode) tree.get("log")).put("timeline", 1);
        ((ObjectNode) tree.get("tables").get(0)).put("bytes", 123);
        tree.put(ManifestChecksum.FIELD, ManifestChecksum.of(tree));

        Manifest manifest = ManifestReader.read(Json.mapper().writeValueAsBytes(tree), "manifest.json");

        assertThat(manifest).isEqualTo(ManifestReader.read(stored, "manifest-full.json"));
        assertSameJson(write(manifest), stored);
    }

    private static byte[] write(Manifest manifest) throws Exception {
        return ManifestWriter.write(manifest);
    }

    private static void assertSameJson(byte[] written, byte[] stored) throws Exception {
        JsonNode writtenTree = Json.mapper().readTree(written);
        JsonNode storedTree = Json.mapper().readTree(stored);
        assertThat(writtenTree).isEqualTo(storedTree);
        assertThat(fieldOrder(writtenTree, "")).isEqualTo(fieldOrder(storedTree, ""));
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(stored, StandardCharsets.UTF_8));
    }

    /** Every field's path, in the order the JSON text has them. */
    private static List<String> fieldOrder(JsonNode node, String path) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                paths.add(path + "/" + field.getKey());
                paths.addAll(fieldOrder(field.getValue(), path + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.addAll(fieldOrder(node.get(i), path + "/" + i));
            }
        }
        return paths;
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = StoredJsonCompatibilityTest.class.getResourceAsStream("/dev/planb/json/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
