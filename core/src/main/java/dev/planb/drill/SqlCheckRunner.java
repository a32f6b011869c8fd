/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.spi.support.Messages;
import dev.planb.verify.CheckOutcome;
import dev.planb.verify.SqlCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs the user's SQL checks on a restored database, each on its own; one that fails to run fails. */
final class SqlCheckRunner {

    private SqlCheckRunner() {
    }

    static List<CheckOutcome> run(Connection connection, List<SqlCheck> checks) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (SqlCheck check : checks) {
            outcomes.add(run(connection, check));
        }
        return outcomes;
    }

    private static CheckOutcome run(Connection connection, SqlCheck check) {
        String symbol = check.comparison().symbol();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(check.query())) {
            String actual = rows.next() ? rows.getString(1) : null;
            return new CheckOutcome(check.query(), symbol, check.expected(), actual,
                    check.comparison().holds(actual, check.expected()));
        } catch (SQLException e) {
            return new CheckOutcome(check.query(), symbol, check.expected(), "error: " + Messages.firstLine(e), false);
        }
    }
}
