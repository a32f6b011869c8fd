/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.DatabaseSource;
import dev.planb.Secret;
import picocli.CommandLine.Option;

/** The options that say how to reach a database: URL, user and the variable holding the password. */
final class DatabaseOptions {

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable that holds the database password (never pass it as an argument).")
    String passwordVariable;

    /** The database at {@code jdbcUrl}, with these credentials. */
    DatabaseSource source(String jdbcUrl) {
        Secret password = passwordVariable == null ? null : Secret.fromEnvironment(passwordVariable);
        return DatabaseSource.of(jdbcUrl, user, password);
    }
}
