/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import dev.planb.engine.H2Engine;
import dev.planb.spi.DatabaseEngine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2EngineContractTest extends AbstractDatabaseEngineContractTest implements CredentialsContract, SchemasContract {

    @TempDir
    Path folder;

    @Override
    public DatabaseEngine engine() {
        return new H2Engine();
    }

    @Override
    protected DatabaseSource newDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve(UUID.randomUUID().toString()), "sa", Secret.of("s3cret"));
    }

    @Override
    protected DatabaseSource unreadableDatabase() {
        return DatabaseSource.of("jdbc:h2:" + folder.resolve("missing"), "sa", Secret.of("s3cret"));
    }

    @Test
    void restoredUsersKeepTheirPasswords() throws Exception {
        DatabaseSource source = populatedDatabase();
        execute(source, "CREATE USER bob PASSWORD 'bob-secret'", "GRANT SELECT ON customers TO bob");
        DatabaseSource copy = newDatabase();

        restore(dumpOf(source), copy, false);

        assertThatThrownBy(() -> connect(DatabaseSource.of(copy.jdbcUrl(), "bob", Secret.of(""))).close())
                .isInstanceOf(SQLException.class);
        try (Connection bob = connect(DatabaseSource.of(copy.jdbcUrl(), "bob", Secret.of("bob-secret")))) {
            assertThat(bob.isValid(5)).isTrue();
        }
    }

    @Override
    public DatabaseSource emptyDatabase() {
        return newDatabase();
    }

    @Override
    public DatabaseSource databaseWithWrongPassword() throws Exception {
        DatabaseSource database = populatedDatabase();
        return DatabaseSource.of(database.jdbcUrl(), "sa", Secret.of(WRONG_PASSWORD));
    }
}
