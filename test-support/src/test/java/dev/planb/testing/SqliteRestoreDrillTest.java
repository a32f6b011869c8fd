/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class SqliteRestoreDrillTest extends AbstractRestoreDrillContractTest {

    @TempDir
    Path folder;

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + folder.resolve(UUID.randomUUID() + ".db"));
    }

    @Override
    protected boolean scratchExists(String name) {
        return Files.exists(Path.of(System.getProperty("java.io.tmpdir"), name));
    }

    @Override
    protected String truncatedDumpMessage() {
        return "malformed";
    }
}
