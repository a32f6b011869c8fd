/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.util.Optional;
import java.util.UUID;

class SqliteTableRestoreTest extends AbstractTableRestoreContractTest {

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + backups.resolve("app-" + UUID.randomUUID() + ".db"));
    }

    @Override
    protected String identityKey() {
        return "id INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    protected Optional<String> otherSchema() {
        return Optional.empty();
    }
}
