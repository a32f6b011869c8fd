/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.DatabaseSource;
import dev.planb.spi.DumpResult;
import dev.planb.spi.TableCount;
import dev.planb.testing.RowWriter;
import dev.planb.testing.server.PostgresServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Row counts read from real {@code pg_dump -Fc -Z0} archives equal {@code count(*)}. */
class PgCustomFormatRowsTest {

    private static final PostgresServer SERVER = PostgresServer.shared();
    private static String database;
    private static byte[] archive;

    @BeforeAll
    static void dumpTrickyDatabase() throws Exception {
        database = name(SERVER.newDatabase());
        SERVER.superuser(database,
                "CREATE TABLE plain (id int, t text, b bytea)",
                "INSERT INTO plain VALUES (1, E'line one\\nline two', E'\\\\x0a0a0d'), (2, E'back\\\\slash\\\\', NULL),"
                        + " (3, E'tab\\there\\r\\n', ''), (4, '\\N', '\\x5c4e'), (5, NULL, NULL), (6, '', NULL),"
                        + " (7, E'\\\\.', NULL), (8, E'ends with backslash\\\\', NULL)",
                "CREATE TABLE empty (id int)",
                "CREATE TABLE ends_like_the_marker (v text)",
                "INSERT INTO ends_like_the_marker VALUES ('first'), (E'\\\\.')",
                "CREATE TABLE one_empty_line (v text)",
                "INSERT INTO one_empty_line VALUES ('')",
                "CREATE SCHEMA \"Other Schema\"",
                "CREATE TABLE \"Other Schema\".\"Mixed Case\" (v text)",
                "INSERT INTO \"Other Schema\".\"Mixed Case\" SELECT 'row ' || i FROM generate_series(1, 1000) i",
                "CREATE TABLE big (id int, v text)",
                "INSERT INTO big SELECT i, repeat(E'x\\n\\\\', 200000) FROM generate_series(1, 5) i",
                "CREATE TABLE events (at date, note text) PARTITION BY RANGE (at)",
                "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "INSERT INTO events SELECT date '2025-06-01' + i, E'note\\n' || i FROM generate_series(1, 300) i",
                "SELECT lo_from_bytea(0, E'\\\\x0a0a0a0a'::bytea)",
                "SELECT lo_from_bytea(0, decode(repeat('0a', 100000), 'hex'))");
        archive = dump(database, "--compress=0");
    }

    @Test
    void countsEveryDumpedTableExactlyWhateverTheWritesSizes() throws Exception {
        Map<String, Long> expected = countStar(database);
        assertThat(expected).containsEntry("plain", 8L).containsEntry("empty", 0L).containsEntry("big", 5L)
                .containsEntry("ends_like_the_marker", 2L).containsEntry("one_empty_line", 1L);
        for (int writeSize : new int[] {1, 7, 15, 16, 17, 8192, archive.length}) {
            assertThat(countsOf(archive, writeSize)).as("writes of %d bytes", writeSize)
                    .containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void countsEveryDumpedTableExactlyWhereverTwoWritesSplitTheArchive() throws Exception {
        DatabaseSource source = SERVER.newDatabase();
        SERVER.superuser(name(source),
                "CREATE TABLE a (v text)",
                "INSERT INTO a VALUES (E'x\\ny'), (E'\\\\.'), ('')",
                "CREATE TABLE b (v text)",
                "CREATE TABLE c (v text)",
                "INSERT INTO c VALUES (E'\\\\'), (NULL)");
        byte[] small = dump(name(source), "--compress=0");
        Map<String, Long> expected = Map.of("a", 3L, "b", 0L, "c", 2L);
        for (int split = 0; split <= small.length; split++) {
            PgCustomFormatRows rows = new PgCustomFormatRows();
            rows.write(small, 0, split);
            rows.write(small, split, small.length - split);
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.counts().forEach(count -> counts.put(count.table(), count.rows()));
            assertThat(counts).as("split at byte %d", split).isEqualTo(expected);
        }
    }

    @Test
    void tableDataThatDoesNotEndWithTheMarkerIsRefusedAndLeftToTheFallback() throws Exception {
        byte[] changed = archive.clone();
        // pg_dump writes the line \. and two empty lines in a chunk of their own, after the rows' chunks.
        int marker = lastIndexOf(changed, "\\.\n\n".getBytes(StandardCharsets.US_ASCII));
        changed[marker] = 'x';
        PgCustomFormatRows rows = new PgCustomFormatRows();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (var out = rows.passingTo(copy)) {
            out.write(changed);
        }
        assertThat(copy.toByteArray()).isEqualTo(changed);
        assertThatThrownBy(rows::counts).isInstanceOf(IOException.class)
                .hasMessageMatching("the pg_dump archive's data of table .+ does not end with the line \\\\\\.");
        List<TableCount> fallback = List.of(new TableCount("counted", 1));
        assertThat(rows.countsOr(() -> fallback)).isSameAs(fallback);
    }

    @Test
    void tableDataWithoutATableNameIsRefusedAndLeftToTheFallback() throws Exception {
        // The entry of table "plain"'s data, its name written as a null string (length -1) instead.
        byte[] named = entryStrings("plain", "TABLE DATA");
        byte[] unnamed = new byte[named.length - "plain".length()];
        unnamed[0] = 1;
        unnamed[1] = 1;
        System.arraycopy(named, 5 + "plain".length(), unnamed, 5, named.length - 5 - "plain".length());
        int at = lastIndexOf(archive, named);
        byte[] changed = new byte[archive.length - "plain".length()];
        System.arraycopy(archive, 0, changed, 0, at);
        System.arraycopy(unnamed, 0, changed, at, unnamed.length);
        System.arraycopy(archive, at + named.length, changed, at + unnamed.length, archive.length - at - named.length);
        PgCustomFormatRows rows = new PgCustomFormatRows();
        rows.write(changed, 0, changed.length);
        assertThatThrownBy(rows::counts).isInstanceOf(IOException.class)
                .hasMessageContaining("table data (entry").hasMessageContaining("without a schema or table name");
        List<TableCount> fallback = List.of(new TableCount("counted", 1));
        assertThat(rows.countsOr(() -> fallback)).isSameAs(fallback);
    }

    /** Two strings as a table-of-contents entry holds them: a sign byte, a 4-byte length, the bytes. */
    private static byte[] entryStrings(String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String string : strings) {
            byte[] bytes = string.getBytes(StandardCharsets.UTF_8);
            out.write(0);
            out.writeBytes(new byte[] {(byte) bytes.length, 0, 0, 0});
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void theEnginesCountsAreThoseOfTheDumpWhileAWriterInserts() throws Exception {
        DatabaseSource source = SERVER.newDatabase();
        RowWriter writer = RowWriter.withNewTable(source, PostgresServer.USER, SERVER.password());
        writer.start();
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        DumpResult result;
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> writer.committed().size() >= 20);
            result = new PostgresEngine().dump(source, dump);
        } finally {
            writer.finish();
        }
        assertThat((Throwable) writer.failure()).as("the writer's failure").isNull();
        DatabaseSource restored = SERVER.newDatabase();
        new PostgresEngine().restore(new ByteArrayInputStream(dump.toByteArray()), restored);
        Map<String, Long> counted = new LinkedHashMap<>();
        result.tables().forEach(table -> counted.put(table.table(), table.rows()));
        assertThat(counted.get("drill_rows")).isGreaterThanOrEqualTo(20L);
        assertThat(counted).isEqualTo(countStar(name(restored)));
    }

    @Test
    void anArchiveCutShortIsRefused() {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        rows.write(archive, 0, archive.length - 3);
        assertThatThrownBy(rows::counts).isInstanceOf(IOException.class).hasMessageContaining("ended in the middle");
    }

    @Test
    void aCompressedArchiveIsRefusedWithTheReason() throws Exception {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        byte[] compressed = dump(database, "--compress=6");
        rows.write(compressed, 0, compressed.length);
        assertThatThrownBy(rows::counts).isInstanceOf(IOException.class).hasMessageContaining("--compress=0");
    }

    @Test
    void anArchiveItCannotReadIsCountedByTheFallback() throws Exception {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        byte[] compressed = dump(database, "--compress=6");
        rows.write(compressed, 0, compressed.length);
        List<TableCount> fallback = List.of(new TableCount("counted", 1));
        assertThat(rows.countsOr(() -> fallback)).isSameAs(fallback);
    }

    @Test
    void passesEveryByteThroughWhileCounting() throws Exception {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (var out = rows.passingTo(copy)) {
            out.write(archive);
        }
        assertThat(copy.toByteArray()).isEqualTo(archive);
        assertThat(rows.countsOr(List::of)).extracting(TableCount::table)
                .containsExactly("Other Schema.Mixed Case", "big", "empty", "ends_like_the_marker", "events_2025",
                        "events_2026", "one_empty_line", "plain");
    }

    @Test
    void somethingElseIsRefused() {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        byte[] text = "-- PostgreSQL database dump\n".getBytes();
        rows.write(text, 0, text.length);
        assertThatThrownBy(rows::counts).isInstanceOf(IOException.class).hasMessageContaining("PGDMP");
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int at = bytes.length - pattern.length; at >= 0; at--) {
            if (Arrays.equals(bytes, at, at + pattern.length, pattern, 0, pattern.length)) {
                return at;
            }
        }
        throw new AssertionError("no " + new String(pattern, StandardCharsets.US_ASCII) + " in the archive");
    }

    private static Map<String, Long> countsOf(byte[] bytes, int writeSize) throws IOException {
        PgCustomFormatRows rows = new PgCustomFormatRows();
        for (int at = 0; at < bytes.length; at += writeSize) {
            rows.write(bytes, at, Math.min(writeSize, bytes.length - at));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableCount count : rows.counts()) {
            counts.put(count.table(), count.rows());
        }
        return counts;
    }

    /** count(*) of every table that holds rows itself (partitioned parents hold none). */
    private static Map<String, Long> countStar(String name) throws SQLException {
        DatabaseSource source = SERVER.superuserSource(name);
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.user(),
                source.password().reveal()); Statement statement = connection.createStatement()) {
            List<String[]> tables = new java.util.ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog',"
                    + " 'information_schema')")) {
                while (rs.next()) {
                    tables.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM \"" + table[0] + "\".\""
                        + table[1] + "\"")) {
                    rs.next();
                    counts.put(PgTables.displayName(table[0], table[1]), rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static byte[] dump(String name, String compression) throws IOException, InterruptedException {
        DatabaseSource source = SERVER.superuserSource(name);
        ProcessBuilder builder = new ProcessBuilder(SERVER.tool("pg_dump").toString(), "--host=127.0.0.1",
                "--port=" + SERVER.port(), "--username=" + source.user(), "--dbname=" + name, "--format=custom",
                compression).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PGPASSWORD", source.password().reveal());
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(process.waitFor()).as("pg_dump exit status").isZero();
        return out.toByteArray();
    }

    private static String name(DatabaseSource source) {
        String url = source.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
