/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks some tables' statements out of a {@code mariadb-dump} SQL stream, renaming them on the way:
 * the dump's opening settings, then for each chosen table the lines between its
 * {@code -- Table structure for table `t`} marker and the next marker: its {@code CREATE TABLE} (without
 * {@code DROP TABLE IF EXISTS}, which would drop a live table, and without foreign keys, whose names
 * the live table still holds and which would point at the live tables), its {@code LOCK TABLES},
 * {@code ALTER TABLE … DISABLE KEYS} and {@code INSERT} statements; not its triggers ({@code DELIMITER ;;}
 * blocks). It looks only at the start of each line and passes the rest through, so memory stays
 * constant however long an {@code INSERT} line is.
 */
final class DumpTableFilter {

    private static final int PREFIX_LIMIT = 4096;
    private static final Pattern TABLE_MARKER = Pattern.compile("^-- (?:Table structure|Dumping data) for table `((?:[^`]|``)+)`");
    private static final Pattern OTHER_MARKER = Pattern.compile("^-- (?:Temporary (?:table|view) structure for view"
            + "|Final view structure for view|Dumping routines for database|Dumping events for database|Dump completed"
            + "|Current Database)");
    private static final Pattern FOREIGN_KEY = Pattern.compile("^\\s*CONSTRAINT `(?:[^`]|``)+` FOREIGN KEY ");
    private static final List<String> RENAMED = List.of("CREATE TABLE ", "LOCK TABLES ", "/*!40000 ALTER TABLE ",
            "INSERT INTO ");

    private final Map<String, String> renames;
    private final byte[] prefix = new byte[PREFIX_LIMIT];
    private boolean preamble = true;
    private String section;
    private boolean inTrigger;
    private List<String> createTable;

    /** @param renames each chosen table's name in the dump, and the name it gets */
    DumpTableFilter(Map<String, String> renames) {
        this.renames = renames;
    }

    /** Copies what belongs to the chosen tables from {@code in} to {@code out}. */
    void copy(InputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = 0;
            int b = -1;
            while (length < PREFIX_LIMIT && (b = in.read()) != -1 && b != '\n') {
                prefix[length++] = (byte) b;
            }
            if (length == 0 && b == -1) {
                return;
            }
            boolean complete = b == '\n' || b == -1;
            String start = new String(prefix, 0, length, StandardCharsets.UTF_8);
            String kept = decide(start, complete);
            if (kept != null) {
                out.write(kept.getBytes(StandardCharsets.UTF_8));
            }
            if (!complete) {
                int c;
                while ((c = in.read()) != -1 && c != '\n') {
                    if (kept != null) {
                        out.write(c);
                    }
                }
                b = c;
            }
            if (kept != null && b == '\n') {
                out.write('\n');
            }
            if (b == -1) {
                return;
            }
        }
    }

    /** What to write for a line that starts with {@code start}, or {@code null} to leave it out. */
    private String decide(String start, boolean complete) {
        if (createTable != null) {
            return collectCreateTable(start);
        }
        Matcher marker = TABLE_MARKER.matcher(start);
        if (marker.find()) {
            preamble = false;
            section = marker.group(1).replace("``", "`");
            inTrigger = false;
        } else if (OTHER_MARKER.matcher(start).find()) {
            preamble = false;
            section = null;
        }
        if (preamble) {
            return start;
        }
        String renamed = section == null ? null : renames.get(section);
        if (renamed == null) {
            return null;
        }
        if (start.startsWith("DELIMITER ")) {
            inTrigger = !start.strip().equals("DELIMITER ;");
            return null;
        }
        if (inTrigger || start.startsWith("DROP TABLE IF EXISTS ")) {
            return null;
        }
        String quoted = quote(section);
        for (String statement : RENAMED) {
            if (start.startsWith(statement + quoted)) {
                String line = statement + quote(renamed) + start.substring(statement.length() + quoted.length());
                if (statement.equals("CREATE TABLE ") && complete) {
                    createTable = new ArrayList<>(List.of(line));
                    return null;
                }
                return line;
            }
        }
        return start;
    }

    /** Collects the lines of a {@code CREATE TABLE} statement; at its end, returns it without foreign keys. */
    private String collectCreateTable(String line) {
        if (!line.startsWith(")")) {
            if (!FOREIGN_KEY.matcher(line).find()) {
                createTable.add(line);
            }
            return null;
        }
        int last = createTable.size() - 1;
        String lastLine = createTable.get(last);
        if (lastLine.endsWith(",")) {
            createTable.set(last, lastLine.substring(0, lastLine.length() - 1));
        }
        createTable.add(line);
        String statement = String.join("\n", createTable);
        createTable = null;
        return statement;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
