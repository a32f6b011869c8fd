/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import dev.planb.spi.support.Redaction;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a database: a JDBC URL and, where the database needs them, a user and password.
 * {@link #toString()} redacts credentials, including any password written into the URL.
 *
 * <pre>{@code
 * DatabaseSource app = DatabaseSource.of("jdbc:sqlite:/var/lib/app/app.db");
 * DatabaseSource h2 = DatabaseSource.of("jdbc:h2:/var/lib/app/db", "sa", Secret.fromEnvironment("H2_PASSWORD"));
 * }</pre>
 *
 * @param jdbcUrl the JDBC URL; it chooses the {@link dev.planb.spi.DatabaseEngine}
 * @param user the user name, or {@code null} when the URL or the database needs none
 * @param password the password, or {@code null}
 */
public record DatabaseSource(String jdbcUrl, String user, Secret password) {

    /**
     * Validates the URL.
     *
     * @param jdbcUrl the JDBC URL
     * @param user the user name, or {@code null}
     * @param password the password, or {@code null}
     * @throws PlanBException when the URL is missing or does not start with {@code jdbc:}
     */
    public DatabaseSource {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "database URL is missing: give a JDBC URL such as jdbc:sqlite:app.db");
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new PlanBException(ErrorCode.INVALID_SETTING,
                    "database URL '" + Redaction.url(jdbcUrl) + "' is not a JDBC URL: it must start with jdbc:, e.g. jdbc:sqlite:app.db");
        }
    }

    /**
     * A database that needs no credentials, or has them in its URL.
     *
     * @param jdbcUrl the JDBC URL, e.g. {@code jdbc:sqlite:/var/lib/app/app.db}
     * @return the source
     * @throws PlanBException when the URL is missing or does not start with {@code jdbc:}
     */
    public static DatabaseSource of(String jdbcUrl) {
        return new DatabaseSource(jdbcUrl, null, null);
    }

    /**
     * A database with a user and password.
     *
     * @param jdbcUrl the JDBC URL
     * @param user the user name, or {@code null}
     * @param password the password, or {@code null}
     * @return the source
     * @throws PlanBException when the URL is missing or does not start with {@code jdbc:}
     */
    public static DatabaseSource of(String jdbcUrl, String user, Secret password) {
        return new DatabaseSource(jdbcUrl, user, password);
    }

    /** {@return the user, if one is set} */
    public Optional<String> userName() {
        return Optional.ofNullable(user);
    }

    /** {@return the password, if one is set} */
    public Optional<Secret> passwordSecret() {
        return Optional.ofNullable(password);
    }

    /** {@return the URL with any credentials replaced by {@code ******}: safe for logs and messages} */
    public String redactedUrl() {
        return Redaction.url(jdbcUrl);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseSource source
                && source.jdbcUrl.equals(jdbcUrl)
                && Objects.equals(source.user, user)
                && Objects.equals(source.password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, user);
    }

    @Override
    public String toString() {
        return "DatabaseSource[" + redactedUrl() + (user == null ? "" : ", user=" + user) + "]";
    }
}
