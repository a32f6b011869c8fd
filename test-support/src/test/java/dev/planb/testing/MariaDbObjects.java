/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every object of a MariaDB database, described so that two databases compare object by object:
 * the database's character set and collation, {@code SHOW CREATE} of every table, sequence, view,
 * trigger, routine and event (with the character sets and {@code sql_mode} they were created under,
 * but not their creation times), and an ordered hash of every table's and sequence's content.
 */
final class MariaDbObjects {

    private MariaDbObjects() {
    }

    /** The description of {@code database}, read with {@code source}'s credentials (use an administrator's). */
    static Map<String, String> of(DatabaseSource source) throws Exception {
        Map<String, String> objects = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(),
                source.password().reveal()); Statement statement = connection.createStatement()) {
            objects.put("database", String.join(" ", strings(statement, "SELECT DEFAULT_CHARACTER_SET_NAME,"
                    + " DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()").get(0)));
            for (List<String> table : strings(statement, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
                String name = quoted(table.get(0));
                switch (table.get(1)) {
                    case "VIEW" -> objects.put("view " + table.get(0), showCreate(statement, "VIEW " + name, List.of()));
                    case "SEQUENCE" -> {
                        objects.put("sequence " + table.get(0), showCreate(statement, "SEQUENCE " + name, List.of()));
                        objects.put("content " + table.get(0), contentHash(statement, "SELECT * FROM " + name));
                    }
                    default -> {
                        objects.put("table " + table.get(0), showCreate(statement, "TABLE " + name, List.of()));
                        objects.put("content " + table.get(0), contentHash(statement, "SELECT * FROM " + name
                                + " ORDER BY 1"));
                    }
                }
            }
            for (List<String> trigger : strings(statement, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1")) {
                objects.put("trigger " + trigger.get(0), showCreate(statement, "TRIGGER " + quoted(trigger.get(0)),
                        List.of("Created")));
            }
            for (List<String> routine : strings(statement, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM"
                    + " information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1, 2")) {
                objects.put(routine.get(0).toLowerCase() + " " + routine.get(1),
                        showCreate(statement, routine.get(0) + " " + quoted(routine.get(1)), List.of()));
            }
            for (List<String> event : strings(statement, "SELECT EVENT_NAME FROM information_schema.EVENTS"
                    + " WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1")) {
                objects.put("event " + event.get(0), showCreate(statement, "EVENT " + quoted(event.get(0)), List.of()));
            }
        }
        return objects;
    }

    /** {@code objects} with every {@code DEFINER=`user`@`host`} written as {@code DEFINER=?}. */
    static Map<String, String> withoutDefiners(Map<String, String> objects) {
        Map<String, String> normalized = new TreeMap<>();
        objects.forEach((key, value) -> normalized.put(key, value.replaceAll("DEFINER=`[^`]*`@`[^`]*`", "DEFINER=?")));
        return normalized;
    }

    /** The distinct definers named in {@code objects}, e.g. {@code `app_owner`@`localhost`}. */
    static List<String> definers(Map<String, String> objects) {
        List<String> definers = new ArrayList<>();
        Pattern pattern = Pattern.compile("DEFINER=(`[^`]*`@`[^`]*`)");
        for (String value : objects.values()) {
            Matcher matcher = pattern.matcher(value);
            while (matcher.find()) {
                if (!definers.contains(matcher.group(1))) {
                    definers.add(matcher.group(1));
                }
            }
        }
        return definers;
    }

    private static String showCreate(Statement statement, String object, List<String> leftOut) throws SQLException {
        StringBuilder description = new StringBuilder();
        try (ResultSet row = statement.executeQuery("SHOW CREATE " + object)) {
            ResultSetMetaData columns = row.getMetaData();
            if (!row.next()) {
                return "(missing)";
            }
            for (int column = 1; column <= columns.getColumnCount(); column++) {
                if (!leftOut.contains(columns.getColumnLabel(column))) {
                    description.append(columns.getColumnLabel(column)).append(": ").append(row.getString(column)).append('\n');
                }
            }
        }
        return description.toString();
    }

    private static String contentHash(Statement statement, String query) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        try (ResultSet row = statement.executeQuery(query)) {
            ResultSetMetaData metaData = row.getMetaData();
            int columns = metaData.getColumnCount();
            while (row.next()) {
                rows++;
                for (int column = 1; column <= columns; column++) {
                    byte[] value = isBinary(metaData.getColumnType(column)) ? row.getBytes(column)
                            : row.getString(column) == null ? null : row.getString(column).getBytes(StandardCharsets.UTF_8);
                    digest.update(value == null ? new byte[] {0} : new byte[] {1});
                    if (value != null) {
                        digest.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
                        digest.update(value);
                    }
                }
            }
        }
        return rows + " rows, sha256 " + HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static List<List<String>> strings(Statement statement, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet row = statement.executeQuery(query)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(row.getString(column));
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
