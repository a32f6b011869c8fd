/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

class H2RestoreDrillTest extends AbstractRestoreDrillContractTest {

    @TempDir
    Path folder;

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve(UUID.randomUUID().toString()), "sa", Secret.of("s3cret"));
    }

    @Override
    protected boolean scratchExists(String name) {
        return Files.exists(Path.of(System.getProperty("java.io.tmpdir"), name));
    }

    @Override
    protected String truncatedDumpMessage() {
        return "SQL statement";
    }
}
