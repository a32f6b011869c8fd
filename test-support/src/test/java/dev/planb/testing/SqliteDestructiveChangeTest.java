/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteDestructiveChangeTest extends AbstractDestructiveChangeTest {

    @TempDir
    Path folder;

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + folder.resolve("app.db"));
    }
}
