/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Spring Security filter chain docs/getting-started/spring-boot.md recommends is, line for line, the one the kit's
 * application runs ({@link EndpointSecurity}), so the tests that call the endpoint as anonymous, viewer and
 * operator test the docs. Runs from a module beside the kit ({@code boot3}, {@code boot4}).
 */
public class DocsSecurityExampleTest {

    @Test
    void theDocsFilterChainIsTheOneTheTestApplicationsRun() throws IOException {
        String docs = Files.readString(Path.of("..", "..", "docs", "getting-started", "spring-boot.md"));
        int start = docs.indexOf("```java\n@Bean\nSecurityFilterChain");
        assertThat(start).as("docs/getting-started/spring-boot.md shows a SecurityFilterChain").isNotNegative();
        String block = docs.substring(start + "```java\n".length(), docs.indexOf("```", start + 3));
        List<String> kit = Files.readAllLines(Path.of("..", "kit", "src", "main", "java", "dev", "planb", "spring",
                "boottests", "EndpointSecurity.java")).stream().map(String::strip).toList();
        List<String> documented = block.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertThat(documented).hasSizeGreaterThan(5);
        int from = kit.indexOf(documented.get(0));
        assertThat(from).as("EndpointSecurity has the docs' first line").isNotNegative();
        assertThat(kit.subList(from + 1, from + documented.size())).isEqualTo(documented.subList(1, documented.size()));
    }
}
