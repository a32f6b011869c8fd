/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.util.Map;

/** {@code spring.datasource.*} for a database of the test servers. */
final class DataSourceProperties {

    private DataSourceProperties() {
    }

    static Map<String, String> of(DatabaseSource database) {
        return Map.of("spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.userName().orElseThrow(),
                "spring.datasource.password", database.passwordSecret().map(Secret::reveal).orElseThrow());
    }
}
