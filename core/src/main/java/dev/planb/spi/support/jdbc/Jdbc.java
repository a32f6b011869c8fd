/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support.jdbc;

import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Redaction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** JDBC plumbing for engines that work through a JDBC driver: connecting with clear errors, small queries, quoting. */
public final class Jdbc {

    private Jdbc() {
    }

    /**
     * Opens a connection with the source's credentials, translating failures into messages that
     * name the database and what to do.
     *
     * @param source the database, whose user and password are used and whose redacted URL errors name
     * @param url the URL to connect to (the source's, possibly with engine-specific options)
     * @param options driver properties to pass besides the user and password
     * @param driverArtifact the Maven coordinates of the driver, named when it is missing
     * @return an open connection, which the caller closes
     * @throws PlanBException with {@link ErrorCode#NO_ENGINE} when no driver handles the URL, or
     *     {@link ErrorCode#DATABASE_UNAVAILABLE} when the connection fails, the password masked
     */
    public static Connection connect(DatabaseSource source, String url, Properties options, String driverArtifact) {
        Properties properties = new Properties();
        properties.putAll(options);
        source.userName().ifPresent(user -> properties.setProperty("user", user));
        source.passwordSecret().ifPresent(password -> properties.setProperty("password", password.reveal()));
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                throw new PlanBException(ErrorCode.NO_ENGINE, "No JDBC driver for " + source.redactedUrl()
                        + " on the class path: add " + driverArtifact, e);
            }
            String reason = Messages.unreachable(e)
                    .map(network -> network + ": check the host and port in the database URL, and that the server runs")
                    .orElseGet(() -> Redaction.url(Messages.firstLine(e)));
            String password = source.password() == null ? "" : source.password().reveal();
            // a password equal to the user name is no secret in a message naming the user: masking it would hide who failed
            if (!password.isEmpty() && source.userName().filter(password::equals).isEmpty()) {
                reason = reason.replace(password, "******");
            }
            throw new PlanBException(ErrorCode.DATABASE_UNAVAILABLE, "Cannot open database " + source.redactedUrl()
                    + source.userName().map(user -> " as user " + user).orElse("") + ": " + reason, e);
        }
    }

    /**
     * Runs a query that returns one string, such as a version.
     *
     * @param connection the connection to use
     * @param sql the query, without parameters
     * @return the first column of the first row
     * @throws SQLException if the query fails or returns no row
     */
    public static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * Runs a query and returns the first column of every row.
     *
     * @param connection the connection to use
     * @param sql the query, with a {@code ?} per parameter
     * @param parameters the values of the {@code ?}s, in order, bound as strings
     * @return the first column of every row, in order
     * @throws SQLException if the query fails
     */
    public static List<String> queryStrings(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }

    /**
     * Quotes an SQL identifier with double quotes, doubling the double quotes inside it.
     *
     * @param identifier the unquoted name
     * @return the quoted name, safe to put in SQL
     */
    public static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * A table, optionally in a schema.
     *
     * @param schema the schema, or {@code null} when the database has none
     * @param name the table's name
     * @param displayName how the table is named in manifests
     */
    public record QualifiedTable(String schema, String name, String displayName) {

        /** {@return the quoted, qualified name to use in SQL} */
        public String quoted() {
            return (schema == null ? "" : quoteIdentifier(schema) + ".") + quoteIdentifier(name);
        }
    }
}
