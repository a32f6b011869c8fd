/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database's default character set and collation, which {@code mariadb-dump} of a single
 * database leaves out (it writes no {@code CREATE DATABASE}): without them a restored database gets
 * the server's defaults, and tables the application creates later get the wrong character set. The
 * dump carries them as an {@code ALTER DATABASE} without a name, so it applies to whatever database
 * the dump is restored into, by PlanB or by hand; it sits right after the first line (the sandbox
 * line must stay first), before any table or routine is created.
 *
 * @param characterSet e.g. {@code utf8mb4}
 * @param collation e.g. {@code utf8mb4_unicode_ci}
 */
record DatabaseDefaults(String characterSet, String collation) {

    /** Reads the defaults of the connection's current database. */
    static DatabaseDefaults of(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME,"
                + " DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the database is not in information_schema.SCHEMATA");
            }
            return new DatabaseDefaults(row.getString(1), row.getString(2));
        }
    }

    /** The statement the dump carries, e.g. {@code ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_bin}. */
    String statement() {
        return "/*!40101 ALTER DATABASE CHARACTER SET " + name(characterSet) + " COLLATE " + name(collation) + " */;";
    }

    /** {@code out}, with {@link #statement()} written on its own line after the first line that passes. */
    OutputStream insertAfterFirstLine(OutputStream out) {
        byte[] line = (statement() + "\n").getBytes(StandardCharsets.US_ASCII);
        return new FilterOutputStream(out) {
            private boolean inserted;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                if (!inserted && b == '\n') {
                    out.write(line);
                    inserted = true;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (inserted) {
                    out.write(b, off, len);
                    return;
                }
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        out.write(b, off, i + 1 - off);
                        out.write(line);
                        inserted = true;
                        out.write(b, i + 1, off + len - i - 1);
                        return;
                    }
                }
                out.write(b, off, len);
            }
        };
    }

    /** Character set and collation names are plain identifiers; anything else is refused rather than quoted. */
    private static String name(String value) {
        if (value == null || !value.matches("[A-Za-z0-9_]+")) {
            throw new IllegalStateException("Unexpected character set or collation name: " + value);
        }
        return value;
    }
}
