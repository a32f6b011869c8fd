/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.spi.DatabaseEngine;
import dev.planb.spi.TableCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * For databases with schemas: tables of the same name in several schemas are all dumped,
 * counted under {@code schema.table}, and restored. Implement it beside
 * {@link AbstractDatabaseEngineContractTest}.
 */
public interface SchemasContract {

    /** {@return the engine under test} */
    DatabaseEngine engine();

    /**
     * {@return a new, empty database, different on every call, whose user may create schemas}
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    DatabaseSource emptyDatabase() throws Exception;

    /**
     * Tables {@code sales.items} (3 rows) and {@code archive.items} (1 row) are both dumped, counted under their
     * qualified names, and restored into another database with the same counts.
     *
     * @throws Exception when the databases cannot be prepared or the engine fails
     */
    @Test
    default void tablesOfEverySchemaAreDumpedCountedAndRestored() throws Exception {
        DatabaseSource source = emptyDatabase();
        try (Connection connection = open(source); Statement statement = connection.createStatement()) {
            for (String schema : new String[] {"sales", "archive"}) {
                statement.execute("CREATE SCHEMA " + schema);
                statement.execute("CREATE TABLE " + schema + ".items (id INTEGER PRIMARY KEY, label VARCHAR(50))");
            }
            statement.execute("INSERT INTO sales.items VALUES (1, 'a'), (2, 'b'), (3, 'c')");
            statement.execute("INSERT INTO archive.items VALUES (1, 'old')");
        }
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        var result = engine().dump(source, dump);
        assertThat(lowerCase(result.tables())).contains(new TableCount("sales.items", 3), new TableCount("archive.items", 1));

        DatabaseSource copy = emptyDatabase();
        engine().checkRestoreTarget(copy, false);
        engine().restore(new ByteArrayInputStream(dump.toByteArray()), copy);
        assertThat(lowerCase(engine().tableCounts(copy))).contains(new TableCount("sales.items", 3),
                new TableCount("archive.items", 1));
    }

    private static java.util.List<TableCount> lowerCase(java.util.List<TableCount> tables) {
        return tables.stream().map(table -> new TableCount(table.table().toLowerCase(Locale.ROOT), table.rows())).toList();
    }

    private static Connection open(DatabaseSource source) throws SQLException {
        Properties properties = new Properties();
        source.userName().ifPresent(user -> properties.setProperty("user", user));
        source.passwordSecret().ifPresent(password -> properties.setProperty("password", password.reveal()));
        return DriverManager.getConnection(source.jdbcUrl(), properties);
    }
}
