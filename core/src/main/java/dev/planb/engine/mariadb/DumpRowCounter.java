/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import dev.planb.spi.TableCount;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes a {@code mariadb-dump} SQL stream through while counting, per table, the rows its
 * {@code INSERT INTO `t` VALUES (…),(…);} statements hold: the counts are those of the dump itself,
 * whatever the application writes meanwhile. Tables come from the {@code CREATE TABLE `t`} lines, so
 * empty ones count 0. The scanner follows single-quoted strings with backslash escapes (and
 * doubled quotes) and ignores everything between {@code DELIMITER ;;} and {@code DELIMITER ;}, where
 * trigger and routine bodies live. It keeps only the start of each line: memory stays constant.
 */
final class DumpRowCounter extends FilterOutputStream {

    private static final byte[] INSERT = "INSERT INTO `".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CREATE = "CREATE TABLE `".getBytes(StandardCharsets.US_ASCII);
    private static final String VALUES = " VALUES ";
    private static final int PREFIX_LIMIT = 1024;

    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final byte[] prefix = new byte[PREFIX_LIMIT];
    private int prefixLength;
    private boolean prefixOverflow;
    private boolean inDelimiterBlock;

    // State inside the values of an INSERT statement.
    private String insertTable;
    private int depth;
    private boolean inString;
    private boolean escaped;

    DumpRowCounter(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        scan((byte) b);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            scan(b[i]);
        }
        out.write(b, off, len);
    }

    /** The tables in dump order, with the rows the dump holds. */
    List<TableCount> tables() {
        List<TableCount> tables = new ArrayList<>();
        rows.forEach((table, count) -> tables.add(new TableCount(table, count)));
        return tables;
    }

    private void scan(byte b) {
        if (insertTable != null) {
            scanValues(b);
            return;
        }
        if (b == '\n') {
            endOfLine();
            return;
        }
        if (prefixLength < PREFIX_LIMIT) {
            prefix[prefixLength++] = b;
            if (b == ' ' && !inDelimiterBlock) {
                insertTable = insertTarget(VALUES);
            }
        } else {
            prefixOverflow = true;
        }
    }

    private void endOfLine() {
        if (!prefixOverflow && !inDelimiterBlock) {
            // Newer mariadb-dump writes "INSERT INTO `t` VALUES" alone on its line, one row per line after it.
            insertTable = insertTarget(VALUES.stripTrailing());
        }
        if (!prefixOverflow && insertTable == null) {
            String line = new String(prefix, 0, prefixLength, StandardCharsets.UTF_8);
            if (line.startsWith("DELIMITER ")) {
                inDelimiterBlock = !line.strip().equals("DELIMITER ;");
            } else if (!inDelimiterBlock && startsWith(CREATE)) {
                int closing = closingQuote(CREATE.length);
                if (closing > 0) {
                    rows.putIfAbsent(name(CREATE.length, closing), 0L);
                }
            }
        }
        prefixLength = 0;
        prefixOverflow = false;
    }

    /**
     * The table when the line so far is {@code INSERT INTO `t`} and {@code values} (or with a column
     * list, {@code INSERT INTO `t` (`a`,`b`)} and {@code values}), else {@code null}.
     */
    private String insertTarget(String values) {
        if (!startsWith(INSERT)) {
            return null;
        }
        int closing = closingQuote(INSERT.length);
        if (closing < 0) {
            return null;
        }
        String rest = new String(prefix, closing + 1, prefixLength - closing - 1, StandardCharsets.UTF_8);
        if (!rest.equals(values) && !(rest.startsWith(" (") && rest.endsWith(")" + values))) {
            return null;
        }
        String name = name(INSERT.length, closing);
        rows.putIfAbsent(name, 0L);
        depth = 0;
        inString = false;
        escaped = false;
        return name;
    }

    private void scanValues(byte b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '\'') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '\'' -> inString = true;
            case '(' -> depth++;
            case ')' -> {
                if (--depth == 0) {
                    rows.merge(insertTable, 1L, Long::sum);
                }
            }
            case ';' -> {
                if (depth == 0) {
                    insertTable = null;
                    prefixLength = 0;
                    prefixOverflow = true; // the rest of this line is not a statement start
                }
            }
            default -> {
                // numbers, NULL, 0x… hex literals and separators need no attention
            }
        }
    }

    private boolean startsWith(byte[] start) {
        if (prefixLength < start.length) {
            return false;
        }
        for (int i = 0; i < start.length; i++) {
            if (prefix[i] != start[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the backquote closing a name that starts at {@code from}, or -1 if not on this line yet. */
    private int closingQuote(int from) {
        int i = from;
        while (i < prefixLength) {
            if (prefix[i] == '`') {
                if (i + 1 < prefixLength && prefix[i + 1] == '`') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /** The name between {@code from} and its closing backquote, with {@code ``} unescaped. */
    private String name(int from, int closing) {
        return new String(prefix, from, closing - from, StandardCharsets.UTF_8).replace("``", "`");
    }
}
