/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.engine.SqliteEngine;
import dev.planb.spi.DatabaseEngine;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class SqliteEngineContractTest extends AbstractDatabaseEngineContractTest {

    @TempDir
    Path folder;

    @Override
    protected DatabaseEngine engine() {
        return new SqliteEngine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + folder.resolve(UUID.randomUUID() + ".db"));
    }

    @Override
    protected DatabaseSource unreadableDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + folder.resolve("missing.db"));
    }
}
