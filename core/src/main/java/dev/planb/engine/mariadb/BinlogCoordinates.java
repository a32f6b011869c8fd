/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.mariadb;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the binlog coordinates that {@code --master-data=2} (MySQL 8: {@code --source-data=2}) writes as a
 * comment near the top of a dump, {@code -- CHANGE MASTER TO MASTER_LOG_FILE='mysql-bin.000003', MASTER_LOG_POS=1500;},
 * as the dump streams past: only the first 64 KiB are looked at.
 */
final class BinlogCoordinates extends FilterOutputStream {

    private static final int HEAD = 64 * 1024;
    private static final Pattern COORDINATES = Pattern.compile(
            "(?:MASTER|SOURCE)_LOG_FILE='([^'/]+)',\\s*(?:MASTER|SOURCE)_LOG_POS=(\\d+)");

    private final ByteArrayOutputStream head = new ByteArrayOutputStream();

    /**
     * A position in the binary log.
     *
     * @param file the binlog file, e.g. {@code mysql-bin.000003}
     * @param position the offset of the dump's snapshot in it
     */
    record Position(String file, long position) {
    }

    BinlogCoordinates(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (head.size() < HEAD) {
            head.write(b, off, Math.min(len, HEAD - head.size()));
        }
        out.write(b, off, len);
    }

    /** The coordinates, once the dump has passed; empty when the dump has none (binary logging off). */
    Optional<Position> position() {
        Matcher matcher = COORDINATES.matcher(head.toString(StandardCharsets.UTF_8));
        return matcher.find() ? Optional.of(new Position(matcher.group(1), Long.parseLong(matcher.group(2))))
                : Optional.empty();
    }
}
