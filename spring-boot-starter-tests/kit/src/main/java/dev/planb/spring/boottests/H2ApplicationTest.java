/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.boottests;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.util.Map;

/** The starter in an application on an in-memory H2 database, from {@code spring.datasource.*}. */
public class H2ApplicationTest extends StarterApplicationContract {

    @Override
    protected AppDatabase database() {
        String url = "jdbc:h2:mem:kit-orders;DB_CLOSE_DELAY=-1";
        return new AppDatabase(DatabaseSource.of(url, "sa", Secret.of("kit-h2-secret")),
                Map.of("spring.datasource.url", url, "spring.datasource.username", "sa",
                        "spring.datasource.password", "kit-h2-secret"),
                DatabaseSource.of("jdbc:h2:mem:kit-restored;DB_CLOSE_DELAY=-1", "sa", Secret.of("")));
    }
}
