/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.testing.GeneratedDocs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code docs/reference/properties.md} is what {@link PropertiesReference} generates from today's model. */
class PropertiesReferenceTest {

    @Test
    void theCommittedReferenceListsEveryPropertyAsItIs() {
        GeneratedDocs.check(GeneratedDocs.page("reference/properties.md"), PropertiesReference.markdown());
    }

    @Test
    void everyPropertyTheConfigurationProcessorFoundIsInTheReference() throws IOException {
        String reference = PropertiesReference.markdown();

        for (String name : metadataProperties()) {
            assertThat(reference).as("the reference names %s", name).contains("`" + name);
        }
    }

    /** The {@code planb.*} names of the starter's {@code spring-configuration-metadata.json}. */
    @SuppressWarnings("unchecked")
    private static List<String> metadataProperties() throws IOException {
        try (InputStream in = PlanBProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata").isNotNull();
            // JSON is YAML, but for the escaped slash ("\/planb") that JSON allows and YAML does not
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\\/", "/");
            Map<String, Object> metadata = new Yaml().load(json);
            return ((List<Map<String, Object>>) metadata.get("properties")).stream()
                    .map(property -> (String) property.get("name"))
                    .filter(name -> name.startsWith("planb."))
                    .toList();
        }
    }
}
