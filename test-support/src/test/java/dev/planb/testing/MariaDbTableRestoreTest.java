/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.MariaDbServer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MariaDbTableRestoreTest extends AbstractTableRestoreContractTest {

    @Override
    protected DatabaseSource newDatabase() {
        return MariaDbServer.shared().newDatabase();
    }

    @Override
    protected String identityKey() {
        return "id INTEGER AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    protected Optional<String> otherSchema() {
        return Optional.of("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    @Test
    void tablesGoIntoAnotherDatabaseWithoutTheirForeignKeys() throws Exception {
        backUp();
        String other = otherSchema().orElseThrow();

        restore(request -> request.tables(List.of("orders", "order_lines")).intoSchema(other));

        assertThat(count(other + ".order_lines")).isEqualTo(2);
        assertThat(query("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '"
                + other + "'")).isEqualTo("0");
    }

    @Test
    void insertLinesLongerThanWhatTheFilterLooksAtPassWhole() throws Exception {
        execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(200))",
                "INSERT INTO notes SELECT seq, CONCAT('note ', seq, ' ', REPEAT('x', 100), ' it''s; (a) `b`')"
                        + " FROM seq_1_to_3000");
        backUp();
        execute("DELETE FROM notes");

        restore(request -> request.tables(List.of("notes")).tablesSuffix("_before"));

        assertThat(count("notes_before")).isEqualTo(3000);
        assertThat(query("SELECT body FROM notes_before WHERE id = 2999")).endsWith(" it's; (a) `b`").startsWith("note 2999 ");
        assertThat(count("notes")).isZero();
    }

    @Test
    void triggersAndOtherTablesOfTheDumpStayOut() throws Exception {
        execute("CREATE TABLE audit (id INTEGER AUTO_INCREMENT PRIMARY KEY, what VARCHAR(20))",
                "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW INSERT INTO audit (what) VALUES ('insert')",
                "CREATE VIEW apples AS SELECT * FROM orders WHERE item = 'apple'");
        backUp();

        restore(request -> request.tables(List.of("orders")).tablesSuffix("_before"));

        assertThat(count("orders_before")).isEqualTo(3);
        assertThat(count("audit")).isZero();
        assertThat(query("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()")).isEqualTo("1");
    }
}
