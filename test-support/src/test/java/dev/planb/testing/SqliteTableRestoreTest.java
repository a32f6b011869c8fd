/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqliteTableRestoreTest extends AbstractTableRestoreContractTest {

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:sqlite:" + backups.resolve("app-" + UUID.randomUUID() + ".db"));
    }

    @Override
    protected String identityKey() {
        return "id INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Test
    void anotherSchemaIsRefusedSinceSqliteHasNone() {
        backUp();

        assertThatThrownBy(() -> restore(request -> request.tables(List.of("orders")).intoSchema("before")))
                .isInstanceOfSatisfying(PlanBException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING);
                    assertThat(e.getMessage()).contains("no schemas", "--as");
                });
    }
}
