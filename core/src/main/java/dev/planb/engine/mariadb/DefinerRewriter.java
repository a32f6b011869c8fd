/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes a {@code mariadb-dump} SQL stream through with the {@code DEFINER=`user`@`host`} clause of
 * every view, trigger, event, procedure and function replaced by {@code DEFINER=CURRENT_USER}: the
 * restoring user then defines them, and needs neither {@code SUPER} nor {@code SET USER} to create
 * objects for another account. Only the lines where {@code mariadb-dump} writes these clauses are
 * touched (their first bytes are fixed), never table data; memory stays bounded by the start of a line.
 */
final class DefinerRewriter extends FilterOutputStream {

    /** The starts of the lines that carry a definer, as {@code mariadb-dump} and {@code mysqldump} write them. */
    private static final List<byte[]> STARTS = List.of(
            ascii("CREATE DEFINER="),                              // procedures and functions
            ascii("/*!50013 DEFINER="),                            // views
            ascii("/*!50003 CREATE*/ /*!50017 DEFINER="),          // triggers
            ascii("/*!50106 CREATE*/ /*!50117 DEFINER="));         // events
    /** A definer: a quoted user with an optional quoted host (roles have none), or CURRENT_USER. */
    private static final Pattern DEFINER = Pattern.compile(
            "DEFINER=(?:`(?:[^`]|``)*`(?:@`(?:[^`]|``)*`)?|CURRENT_USER(?:\\(\\))?)");
    /** Long enough for the longest start, a 128-character user and a 255-character host, quoted. */
    private static final int HEAD_LIMIT = 1024;

    private final byte[] head = new byte[HEAD_LIMIT];
    private int headLength;
    /** Whether the current line's head was written and the rest of the line passes straight through. */
    private boolean passing;

    DefinerRewriter(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (passing) {
                int start = i;
                while (i < end && b[i] != '\n') {
                    i++;
                }
                if (i < end) {
                    i++; // the newline ends the line
                    passing = false;
                }
                out.write(b, start, i - start);
            } else {
                byte next = b[i++];
                head[headLength++] = next;
                if (next == '\n' || headLength == HEAD_LIMIT) {
                    flushHead();
                    passing = next != '\n';
                }
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!passing && headLength > 0) {
            flushHead();
        }
        super.close();
    }

    private void flushHead() throws IOException {
        if (carriesDefiner()) {
            // ISO-8859-1 maps every byte to one char and back: names in UTF-8 pass unchanged.
            String line = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
            Matcher matcher = DEFINER.matcher(line);
            if (matcher.find()) {
                out.write((line.substring(0, matcher.start()) + "DEFINER=CURRENT_USER" + line.substring(matcher.end()))
                        .getBytes(StandardCharsets.ISO_8859_1));
                headLength = 0;
                return;
            }
        }
        out.write(head, 0, headLength);
        headLength = 0;
    }

    private boolean carriesDefiner() {
        for (byte[] start : STARTS) {
            if (headLength >= start.length && Arrays.equals(head, 0, start.length, start, 0, start.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
