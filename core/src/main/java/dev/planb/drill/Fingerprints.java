/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import dev.planb.spi.support.Messages;
import dev.planb.spi.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Content fingerprints of small tables: the SHA-256 of their primary keys read in key order, so
 * two restores of one backup that differ in which rows they hold are told apart even when their
 * row counts match.
 */
final class Fingerprints {

    /** Tables with more rows than this are not fingerprinted. */
    static final long ROW_LIMIT = 100_000;

    private final Map<String, String> values = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Fingerprints {@code tables} (named as in the manifest: {@code table} or {@code schema.table}). */
    static Fingerprints of(Connection connection, List<String> tables) {
        Fingerprints fingerprints = new Fingerprints();
        for (String table : tables) {
            try {
                fingerprints.add(connection, table);
            } catch (SQLException e) {
                fingerprints.problems.add("cannot fingerprint table " + table + ": " + Messages.firstLine(e));
            }
        }
        return fingerprints;
    }

    Map<String, String> values() {
        return values;
    }

    List<String> problems() {
        return problems;
    }

    private void add(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        int dot = table.indexOf('.');
        String schema = dot < 0 ? null : table.substring(0, dot);
        String name = dot < 0 ? table : table.substring(dot + 1);
        List<String> keys = primaryKey(metaData, connection.getCatalog(), schema, name);
        if (keys.isEmpty()) {
            problems.add("cannot fingerprint table " + table + ": it has no primary key (or does not exist)");
            return;
        }
        String quote = metaData.getIdentifierQuoteString().strip();
        String from = (schema == null ? "" : quoted(schema, quote) + ".") + quoted(name, quote);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + from)) {
                count.next();
                if (count.getLong(1) > ROW_LIMIT) {
                    problems.add("table " + table + " has " + count.getLong(1) + " rows, more than the " + ROW_LIMIT
                            + " a fingerprint reads: fingerprint small tables only");
                    return;
                }
            }
            String columns = keys.stream().map(key -> quoted(key, quote)).collect(Collectors.joining(", "));
            MessageDigest digest = Sha256.newDigest();
            try (ResultSet rows = statement.executeQuery("SELECT " + columns + " FROM " + from + " ORDER BY " + columns)) {
                while (rows.next()) {
                    for (int column = 1; column <= keys.size(); column++) {
                        digest.update(String.valueOf(rows.getString(column)).getBytes(StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    }
                    digest.update((byte) '\n');
                }
            }
            values.put(table, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** The primary key's columns in key order; names are tried as given, then upper- and lower-cased. */
    private static List<String> primaryKey(DatabaseMetaData metaData, String catalog, String schema, String table)
            throws SQLException {
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            Map<Short, String> columns = new TreeMap<>();
            try (ResultSet keys = metaData.getPrimaryKeys(catalog, schema, candidate)) {
                while (keys.next()) {
                    columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME"));
                }
            }
            if (!columns.isEmpty()) {
                return new ArrayList<>(columns.values());
            }
        }
        return List.of();
    }

    private static String quoted(String identifier, String quote) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }
}
