/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.spi.ManifestChecksum;
import dev.planb.spi.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/** A small SQLite database for tests: three tables, unicode text, incompressible BLOBs. */
public final class SampleDb {

    public static final int CUSTOMERS = 300;
    public static final int ORDERS = 200;
    public static final int ATTACHMENTS = 5;

    private SampleDb() {
    }

    /** Creates the sample database at {@code file} and returns its JDBC URL. */
    public static String create(Path file) throws SQLException {
        String url = url(file);
        Random random = new Random(42);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT)");
            s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL)");
            s.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, data BLOB)");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO customers (name, city) VALUES (?, ?)")) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    p.setString(1, "Zoë Ünïcødé 日本語 🙂 #" + i);
                    p.setString(2, i % 3 == 0 ? null : "Kraków-" + i);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO orders (customer_id, amount) VALUES (?, ?)")) {
                for (int i = 0; i < ORDERS; i++) {
                    p.setInt(1, 1 + i % CUSTOMERS);
                    p.setDouble(2, i * 1.25);
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO attachments (data) VALUES (?)")) {
                for (int i = 0; i < ATTACHMENTS; i++) {
                    byte[] blob = new byte[64 * 1024];
                    random.nextBytes(blob);
                    p.setBytes(1, blob);
                    p.executeUpdate();
                }
            }
            c.commit();
        }
        return url;
    }

    public static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Runs one SQL statement against the database. */
    public static void execute(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Every row of every table, by table name, rows in rowid order, BLOBs as hex. */
    public static Map<String, List<String>> content(Path file) throws SQLException {
        Map<String, List<String>> content = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                content.put(table, rows);
            }
        }
        return content;
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Flips every bit of the byte in the middle of {@code file}. */
    public static void flipMiddleByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= (byte) 0xFF;
        Files.write(file, bytes);
    }

    /**
     * Edits a stored manifest's text as someone who can rewrite manifests would: the manifest's
     * checksum of its own content is computed again, so only checks beyond it can tell.
     */
    public static void rewriteManifest(Path manifest, UnaryOperator<String> edit) throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(edit.apply(Files.readString(manifest)));
        tree.put(ManifestChecksum.FIELD, ManifestChecksum.of(tree));
        Files.write(manifest, Json.mapper().writeValueAsBytes(tree));
    }

    /** The regular files under {@code root}, hidden ones included. */
    public static List<Path> regularFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
