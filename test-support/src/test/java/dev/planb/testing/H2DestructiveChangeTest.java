/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;

class H2DestructiveChangeTest extends AbstractDestructiveChangeTest {

    @TempDir
    Path folder;

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve("app"), "sa", Secret.of("s3cret"));
    }

    @Override
    protected String tableName(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
