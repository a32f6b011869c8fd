/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import dev.planb.spi.TableCount;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the rows of every table in an uncompressed {@code pg_dump --format=custom --compress=0}
 * archive as it is written through, exactly and without a query: the rows the dump holds, by
 * construction. The archive is a header, a table of contents (one entry per object; a
 * {@code TABLE DATA} entry per table whose rows are dumped) and then, for each such table, a data
 * block of length-prefixed chunks of {@code COPY} text ending with the line {@code \.} (then empty
 * lines). {@code COPY} text escapes newlines inside values ({@code \n}) and writes a value {@code \.}
 * as {@code \\.}, so every newline byte before that line ends exactly one row, wherever the chunks
 * and the writes happen to split: the rows of a table are the newline bytes of its block, counted
 * eight at a time, less those of the block's last bytes, which must be that line and the empty
 * lines after it. Large-object blocks are skipped. Memory stays bounded: only the names of the
 * dumped tables are kept.
 *
 * <p>Archive versions 1.12 to 1.16 (PostgreSQL 9.6 to 17) are read; a compressed or other archive
 * fails {@link #counts()} with a message naming the cause, and the bytes still pass through
 * untouched ({@link #write} never fails for the archive's content).
 */
final class PgCustomFormatRows extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger(PgCustomFormatRows.class);
    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_CUSTOM = 1;
    private static final int BLOCK_DATA = 1;
    private static final int BLOCK_LARGE_OBJECTS = 3;
    /** Names are at most 63 bytes; a longer kept string means the archive was misread. */
    private static final int MAX_KEPT_STRING = 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long BYTE_LANES = 0x00ff00ff00ff00ffL;

    /** What the next bytes are. */
    private enum Field { HEADER, BYTE, INT, STRING, OFFSET, CHUNK }

    /** Where in the archive the parser is; each state reads one field. */
    private enum State {
        HEADER, COMPRESSION, CREATED, DATABASE, SERVER_VERSION, DUMP_VERSION, ENTRY_COUNT,
        ENTRY_STRINGS, DEPENDENCY, ENTRY_OFFSET,
        BLOCK_TYPE, BLOCK_ID, CHUNK_LENGTH, CHUNK, OBJECT_ID, OBJECT_CHUNK_LENGTH, OBJECT_CHUNK,
        FAILED
    }

    private final Map<Integer, String[]> tableByDumpId = new LinkedHashMap<>();
    private final Map<Integer, long[]> rowsByDumpId = new LinkedHashMap<>();
    private final byte[] scratch = new byte[16];
    private State state = State.HEADER;
    private Field field = Field.HEADER;
    private int need = 11;
    private int have;
    private int minor;
    private int intSize;
    private int offSize;
    private long remaining;
    private int createdLeft;
    private int entriesLeft;
    private int entryField;
    private final String[] entry = new String[EntryLayout.KEPT];
    private long[] currentRows;
    private String[] currentTable;
    private long blockNewlines;
    private long blockLength;
    /** The last eight bytes of the current table's data, the last one in the high byte: where its end marker is. */
    private long tail;
    private byte[] kept;
    private int keptLength;
    private String failure;
    private EntryLayout layout;
    private int dumpId;
    private boolean keepString;
    private boolean largeObjects;

    /** The layout of a table-of-contents entry for the archive's version: each field, in order. */
    private static final class EntryLayout {
        static final int KEPT = 3;
        static final int TAG = 0;
        static final int DESC = 1;
        static final int NAMESPACE = 2;
        static final int DUMP_ID = -1;
        static final int SKIP = -2;

        final Field[] fields;
        final int[] roles;

        EntryLayout(int minor) {
            List<Field> f = new ArrayList<>();
            List<Integer> r = new ArrayList<>();
            add(f, r, Field.INT, DUMP_ID);
            add(f, r, Field.INT, SKIP);           // had dumper
            add(f, r, Field.STRING, SKIP);        // table oid
            add(f, r, Field.STRING, SKIP);        // oid
            add(f, r, Field.STRING, TAG);
            add(f, r, Field.STRING, DESC);
            add(f, r, Field.INT, SKIP);           // section
            add(f, r, Field.STRING, SKIP);        // definition
            add(f, r, Field.STRING, SKIP);        // drop statement
            add(f, r, Field.STRING, SKIP);        // copy statement
            add(f, r, Field.STRING, NAMESPACE);
            add(f, r, Field.STRING, SKIP);        // tablespace
            if (minor >= 14) {
                add(f, r, Field.STRING, SKIP);    // table access method
            }
            if (minor >= 16) {
                add(f, r, Field.INT, SKIP);       // relkind
            }
            add(f, r, Field.STRING, SKIP);        // owner
            add(f, r, Field.STRING, SKIP);        // "with oids", always "false"
            fields = f.toArray(Field[]::new);
            roles = r.stream().mapToInt(Integer::intValue).toArray();
        }

        private static void add(List<Field> fields, List<Integer> roles, Field field, int role) {
            fields.add(field);
            roles.add(role);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int end = off + len;
        int at = off;
        while (at < end && state != State.FAILED) {
            int next = field == Field.CHUNK || state == State.CHUNK_LENGTH && have == 0 ? chunks(b, at, end) : at;
            at = next > at ? next : field(b, at, end);
        }
    }

    /**
     * Reads chunks, where nearly every byte of an archive is (pg_dump writes each row as a chunk of
     * its own), in a loop of its own that the compiler keeps small: on from {@code at} until
     * {@code end}, or a chunk length that is not positive or not whole here, which {@link #field}
     * reads. Returns where it stopped.
     */
    private int chunks(byte[] b, int from, int end) {
        int at = from;
        while (at < end) {
            if (field == Field.CHUNK) {
                int n = (int) Math.min(remaining, end - at);
                if (currentRows != null) {
                    tableData(b, at, n);
                }
                at += n;
                remaining -= n;
                if (remaining > 0) {
                    return at;
                }
                chunkDone();
            }
            if (end - at <= intSize) {
                return at;
            }
            long length = intAt(b, at);
            if (length <= 0) {
                return at;
            }
            at += 1 + intSize;
            remaining = length;
            state = state == State.CHUNK_LENGTH ? State.CHUNK : State.OBJECT_CHUNK;
            field = Field.CHUNK;
        }
        return at;
    }

    /** Reads the next field, or as much of it as {@code b} holds; returns where it stopped. */
    private int field(byte[] b, int from, int end) {
        int at = from;
        if (field == Field.STRING && have == need) {
            int n = (int) Math.min(remaining, end - at);
            if (keepString) {
                System.arraycopy(b, at, kept, keptLength, n);
                keptLength += n;
            }
            at += n;
            remaining -= n;
            if (remaining == 0) {
                stringDone(keepString ? new String(kept, 0, keptLength, StandardCharsets.UTF_8) : "");
            }
        } else {
            int n = Math.min(need - have, end - at);
            System.arraycopy(b, at, scratch, have, n);
            have += n;
            at += n;
            if (have == need) {
                fieldRead();
            }
        }
        return at;
    }

    /**
     * Every dumped table and its rows, by schema then name, once the whole archive has passed.
     *
     * @throws IOException when the archive could not be read to its end: the message names why
     */
    List<TableCount> counts() throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        if (state != State.BLOCK_TYPE || have != 0) {
            throw new IOException("the pg_dump archive ended in the middle (" + state.name().toLowerCase()
                    + "): pg_dump stopped early; see its error above");
        }
        List<Integer> ids = new ArrayList<>(tableByDumpId.keySet());
        ids.sort(Comparator.comparing((Integer id) -> tableByDumpId.get(id)[0])
                .thenComparing(id -> tableByDumpId.get(id)[1]));
        List<TableCount> counts = new ArrayList<>();
        for (Integer id : ids) {
            String[] table = tableByDumpId.get(id);
            counts.add(new TableCount(PgTables.displayName(table[0], table[1]), rowsByDumpId.get(id)[0]));
        }
        return counts;
    }

    /** A stream that writes to {@code out} and counts what passes; closing it closes {@code out}. */
    OutputStream passingTo(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                PgCustomFormatRows.this.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                PgCustomFormatRows.this.write(b, off, len);
            }
        };
    }

    /**
     * The counts of a complete archive ({@code pg_dump} succeeded), or those of {@code fallback}
     * when the archive is of a kind this class does not read (another archive version, say).
     */
    List<TableCount> countsOr(Fallback fallback) throws SQLException, IOException {
        if (failure == null) {
            return counts();
        }
        LOG.debug("Counting rows with count(*) in the dump's snapshot: {}", failure);
        return fallback.counts();
    }

    /** Counts rows another way. */
    @FunctionalInterface
    interface Fallback {
        /** The tables and their rows. */
        List<TableCount> counts() throws SQLException;
    }

    /** Counts the newlines of a piece of a table's data and keeps its last bytes. */
    private void tableData(byte[] b, int off, int len) {
        blockNewlines += newlines(b, off, off + len);
        blockLength += len;
        if (len >= Long.BYTES) {
            tail = (long) LONGS.get(b, off + len - Long.BYTES);
        } else {
            for (int i = off; i < off + len; i++) {
                tail = tail >>> Byte.SIZE | (long) b[i] << (Long.SIZE - Byte.SIZE);
            }
        }
    }

    /**
     * A table's data has ended: its rows are its newlines but those of the end marker, the line
     * {@code \.}, and of the empty lines after it (pg_dump writes two). Data that does not end so,
     * within its last eight bytes, was misread.
     */
    private void tableDataDone() {
        int kept = (int) Math.min(blockLength, Long.BYTES);
        int at = kept;
        int trailing = 0;
        while (at > 0 && tailByte(at - 1, kept) == '\n') {
            trailing++;
            at--;
        }
        boolean marker = trailing > 0 && at >= 2 && tailByte(at - 1, kept) == '.' && tailByte(at - 2, kept) == '\\'
                && (at > 2 ? tailByte(at - 3, kept) == '\n' : blockLength == kept);
        if (marker) {
            currentRows[0] += blockNewlines - trailing;
        } else {
            fail("the pg_dump archive's data of table " + PgTables.displayName(currentTable[0], currentTable[1])
                    + " does not end with the line \\.");
        }
    }

    /** Byte {@code i} of the last {@code kept} bytes of the table's data. */
    private byte tailByte(int i, int kept) {
        return (byte) (tail >>> (Byte.SIZE * (Long.BYTES - kept + i)));
    }

    /** The number of newline bytes in {@code b[from, end)}, eight at a time. */
    static long newlines(byte[] b, int from, int end) {
        long count = 0;
        int i = from;
        while (end - i >= Long.BYTES) { // not i + 8 <= end, which overflows for arrays near 2 GiB
            // Eight byte-wide counters, one per byte of the word, summed every 255 words before they overflow.
            long counters = 0;
            int words = Math.min((end - i) / Long.BYTES, 255);
            int stop = i + words * Long.BYTES;
            for (; i < stop; i += Long.BYTES) {
                counters += newlineBits((long) LONGS.get(b, i)) >>> 7;
            }
            // Pairs of counters into four 16-bit sums (at most 510 each), then those four added in the top 16 bits.
            long pairs = (counters & BYTE_LANES) + (counters >>> Byte.SIZE & BYTE_LANES);
            count += pairs * 0x0001000100010001L >>> 48;
        }
        int left = end - i;
        if (left > 0 && end - from >= Long.BYTES) {
            // The last word, read again from end - 8: its first 8 - left bytes were counted above.
            count += Long.bitCount(newlineBits((long) LONGS.get(b, end - Long.BYTES))
                    & -1L << (Byte.SIZE * (Long.BYTES - left)));
        } else {
            for (; i < end; i++) {
                if (b[i] == '\n') {
                    count++;
                }
            }
        }
        return count;
    }

    /** The high bit of each byte of {@code word} that is a newline, and no other bit. */
    private static long newlineBits(long word) {
        long x = word ^ NEWLINES;
        // The high bit of each byte is clear where x's byte is zero, and only there (no carry crosses bytes).
        long nonZero = ((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x;
        return ~nonZero & HIGH_BITS;
    }

    private void fieldRead() {
        long value = switch (field) {
            case BYTE -> scratch[0] & 0xff;
            case INT, STRING -> intAt(scratch, 0);
            case OFFSET, HEADER -> 0;
            case CHUNK -> throw new IllegalStateException("chunks are not read into scratch");
        };
        if (field == Field.HEADER) {
            header();
        } else if (field == Field.STRING) {
            startString(value);
        } else {
            valueRead(value);
        }
    }

    /** The archive's integer at {@code b[at]}: a sign byte, then {@code intSize} bytes, least significant first. */
    private long intAt(byte[] b, int at) {
        long value = 0;
        for (int i = 0; i < intSize; i++) {
            value |= (long) (b[at + 1 + i] & 0xff) << (8 * i);
        }
        return b[at] != 0 ? -value : value;
    }

    private void header() {
        for (int i = 0; i < MAGIC.length; i++) {
            if (scratch[i] != MAGIC[i]) {
                fail("the stream is not a pg_dump custom-format archive (no PGDMP header)");
                return;
            }
        }
        int major = scratch[5];
        minor = scratch[6];
        intSize = scratch[8];
        offSize = scratch[9];
        if (major != 1 || minor < 12 || minor > 16) {
            fail("pg_dump archive version " + major + "." + minor + " is not one PlanB reads (1.12 to 1.16)");
        } else if (scratch[10] != FORMAT_CUSTOM) {
            fail("the pg_dump archive is not in the custom format (format " + scratch[10] + ")");
        } else if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 15) {
            fail("the pg_dump archive declares integers of " + intSize + " and offsets of " + offSize + " bytes");
        } else {
            layout = new EntryLayout(minor);
            expect(State.COMPRESSION, minor >= 15 ? Field.BYTE : Field.INT);
        }
    }

    private void valueRead(long value) {
        switch (state) {
            case COMPRESSION -> {
                if (value != 0) {
                    fail("the pg_dump archive is compressed: PlanB runs pg_dump with --compress=0");
                } else {
                    createdLeft = 7;
                    expect(State.CREATED, Field.INT);
                }
            }
            case CREATED -> {
                if (--createdLeft > 0) {
                    expect(State.CREATED, Field.INT);
                } else {
                    expect(State.DATABASE, Field.STRING);
                }
            }
            case ENTRY_COUNT -> {
                entriesLeft = (int) value;
                nextEntry();
            }
            case ENTRY_STRINGS -> {
                if (layout.roles[entryField] == EntryLayout.DUMP_ID) {
                    dumpId = (int) value;
                }
                nextEntryField();
            }
            case ENTRY_OFFSET -> {
                boolean tableData = "TABLE DATA".equals(entry[EntryLayout.DESC]);
                if (tableData && (entry[EntryLayout.NAMESPACE] == null || entry[EntryLayout.TAG] == null)) {
                    fail("the pg_dump archive has table data (entry " + dumpId + ") without a schema or table name");
                    return;
                }
                if (tableData) {
                    tableByDumpId.put(dumpId, new String[] {entry[EntryLayout.NAMESPACE], entry[EntryLayout.TAG]});
                    rowsByDumpId.put(dumpId, new long[1]);
                }
                entriesLeft--;
                nextEntry();
            }
            case BLOCK_TYPE -> {
                if (value == BLOCK_DATA || value == BLOCK_LARGE_OBJECTS) {
                    largeObjects = value == BLOCK_LARGE_OBJECTS;
                    expect(State.BLOCK_ID, Field.INT);
                } else {
                    fail("the pg_dump archive has a data block of unknown type " + value);
                }
            }
            case BLOCK_ID -> {
                currentRows = largeObjects ? null : rowsByDumpId.get((int) value);
                currentTable = largeObjects ? null : tableByDumpId.get((int) value);
                blockNewlines = 0;
                blockLength = 0;
                tail = 0;
                if (!largeObjects && currentRows == null) {
                    fail("the pg_dump archive has data for entry " + value + ", which is not a table's data");
                } else {
                    expect(largeObjects ? State.OBJECT_ID : State.CHUNK_LENGTH, Field.INT);
                }
            }
            case CHUNK_LENGTH, OBJECT_CHUNK_LENGTH -> {
                if (value < 0) {
                    fail("the pg_dump archive has a chunk of negative length " + value);
                } else if (value == 0 && state == State.OBJECT_CHUNK_LENGTH) {
                    expect(State.OBJECT_ID, Field.INT);
                } else if (value == 0) {
                    tableDataDone();
                    if (state != State.FAILED) {
                        expect(State.BLOCK_TYPE, Field.BYTE);
                    }
                } else {
                    remaining = value;
                    state = state == State.CHUNK_LENGTH ? State.CHUNK : State.OBJECT_CHUNK;
                    field = Field.CHUNK;
                }
            }
            case OBJECT_ID -> {
                if (value == 0) {
                    expect(State.BLOCK_TYPE, Field.BYTE);
                } else {
                    currentRows = null;
                    expect(State.OBJECT_CHUNK_LENGTH, Field.INT);
                }
            }
            default -> fail("the pg_dump archive could not be read at " + state);
        }
    }

    private void chunkDone() {
        expect(state == State.CHUNK ? State.CHUNK_LENGTH : State.OBJECT_CHUNK_LENGTH, Field.INT);
    }

    private void startString(long length) {
        if (length <= 0) {
            stringDone(length < 0 ? null : "");
            return;
        }
        keepString = keepsString();
        if (keepString) {
            if (length > MAX_KEPT_STRING) {
                fail("the pg_dump archive has a " + length + "-byte name: it was misread");
                return;
            }
            kept = new byte[(int) length];
            keptLength = 0;
        }
        remaining = length;
        // have == need marks the length as read: the string's bytes follow.
    }

    private boolean keepsString() {
        return state == State.ENTRY_STRINGS && layout.roles[entryField] >= 0;
    }

    private void stringDone(String value) {
        keepString = false;
        kept = null;
        switch (state) {
            case DATABASE -> expect(State.SERVER_VERSION, Field.STRING);
            case SERVER_VERSION -> expect(State.DUMP_VERSION, Field.STRING);
            case DUMP_VERSION -> expect(State.ENTRY_COUNT, Field.INT);
            case ENTRY_STRINGS -> {
                int role = layout.roles[entryField];
                if (role >= 0) {
                    entry[role] = value;
                }
                nextEntryField();
            }
            case DEPENDENCY -> {
                if (value == null) {
                    expect(State.ENTRY_OFFSET, Field.OFFSET);
                } else {
                    expect(State.DEPENDENCY, Field.STRING);
                }
            }
            default -> fail("the pg_dump archive could not be read at " + state);
        }
    }

    private void nextEntry() {
        if (entriesLeft <= 0) {
            expect(State.BLOCK_TYPE, Field.BYTE);
            return;
        }
        Arrays.fill(entry, null);
        entryField = 0;
        expect(State.ENTRY_STRINGS, layout.fields[0]);
    }

    private void nextEntryField() {
        entryField++;
        if (entryField < layout.fields.length) {
            expect(State.ENTRY_STRINGS, layout.fields[entryField]);
        } else {
            expect(State.DEPENDENCY, Field.STRING);
        }
    }

    private void expect(State next, Field nextField) {
        state = next;
        field = nextField;
        have = 0;
        need = switch (nextField) {
            case BYTE -> 1;
            case INT, STRING -> 1 + intSize;
            case OFFSET -> 1 + offSize;
            case HEADER -> 11;
            case CHUNK -> 0;
        };
    }

    private void fail(String message) {
        failure = message;
        state = State.FAILED;
    }
}
