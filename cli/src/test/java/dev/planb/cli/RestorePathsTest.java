/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.crypto.BackupKeyPair;
import dev.planb.testing.server.MariaDbServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule "every option combination {@code backup} accepts restores": for MariaDB, SQLite and H2,
 * every compression and both encryption settings (public key or none) are backed up and restored three ways —
 * {@code planb restore}, {@code planb verify --restore-to} and the commands of its {@code RESTORE.md}
 * with stock tools ({@code zstd}/{@code gzip}, {@code gpg}, {@code mariadb}, {@code sqlite3}, H2's
 * {@code RunScript}) — and the content compared. Compression and encryption are stages of the same
 * pipeline whatever the engine, so every pair (engine, compression), (engine, encryption) and
 * (compression, encryption) is covered rather than the full product, to keep the suite fast. The
 * PostgreSQL-only filters, formats and jobs are refused for these engines ({@code EngineOptionsTest}).
 */
class RestorePathsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "mariadb, zstd, key", "mariadb, gzip, none", "mariadb, none, key",
        "sqlite, zstd, none", "sqlite, gzip, key", "sqlite, none, none",
        "h2, zstd, key", "h2, gzip, none", "h2, none, key"})
    void everyCompressionWithAndWithoutEncryptionRestoresThreeWays(String engine, String compression, String encryption)
            throws Exception {
        Database source = Database.create(engine, dir);
        source.populate();
        Path backups = dir.resolve("backups");
        List<String> backup = new ArrayList<>(List.of("backup", "--db", source.url(), "--to", backups.toString(),
                "--plan", "app", "--compression", compression));
        List<String> decrypt = new ArrayList<>();
        if (encryption.equals("key")) {
            Cli.Result keygen = Cli.run("keygen", "--out", dir.resolve("keys").toString(), "--name", "ops");
            assertThat(keygen.exitCode()).as(keygen.err()).isZero();
            backup.addAll(List.of("--encrypt-to", dir.resolve("keys").resolve(BackupKeyPair.PUBLIC_KEY_FILE).toString()));
            decrypt.addAll(List.of("--decrypt-with", dir.resolve("keys").resolve(BackupKeyPair.SECRET_KEY_FILE).toString()));
        }
        Cli.Result backedUp = Cli.run(backup.toArray(String[]::new));
        assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
        Path folder = backups.resolve("app").resolve(backedUp.out().strip());

        Database restored = Database.create(engine, dir);
        Cli.Result restore = Cli.run(with(decrypt, "restore", "--from", backups.toString(), "--to-db", restored.url()));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restored.content()).isEqualTo(source.content());

        Cli.Result verify = Cli.run(with(decrypt, "verify", "--from", backups.toString(), "--restore-to", source.drillUrl()));
        assertThat(verify.exitCode()).as(verify.err() + verify.out()).isZero();
        assertThat(verify.out()).contains("restore OK", "row counts match the manifest");

        assertThat(byHand(source, folder, encryption.equals("key"))).isEqualTo(source.content());
    }

    /** Follows the backup's RESTORE.md with stock tools and returns the content of what it restored. */
    private List<String> byHand(Database source, Path folder, boolean encrypted) throws Exception {
        Database target = Database.create(source.engine, dir);
        List<String> lines = new ArrayList<>(List.of("set -e"));
        try (Gpg gpg = Gpg.withHome(dir.resolve("gnupg-" + UUID.randomUUID()))) {
            if (encrypted) {
                gpg.run(dir, "--import", dir.resolve("keys").resolve(BackupKeyPair.SECRET_KEY_FILE).toString());
                lines.add("export GNUPGHOME=" + gpg.home());
            }
            for (String command : ManualRestoreTest.shellCommands(Files.readString(folder.resolve("RESTORE.md")))) {
                String filled = target.fillIn(command);
                if (filled != null) {
                    lines.add(filled);
                }
            }
            String script = String.join("\n", lines);
            Cli.Result run = ManualRestoreTest.shell(folder, script);
            assertThat(run.exitCode()).as(script + "\n" + run.out()).isZero();
        }
        return target.content();
    }

    private static String[] with(List<String> extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(extra);
        return all.toArray(String[]::new);
    }

    /** A database of one of the engines, empty until {@link #populate()}. */
    private record Database(String engine, String url, Path file, String name) {

        static Database create(String engine, Path dir) {
            String name = "t_paths_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return switch (engine) {
                case "mariadb" -> {
                    MariaDbServer server = MariaDbServer.shared();
                    yield new Database(engine, server.jdbcUrl(name) + "?user=" + MariaDbServer.USER + "&password="
                            + server.password(), null, name);
                }
                case "sqlite" -> new Database(engine, "jdbc:sqlite:" + dir.resolve(name + ".db"), dir.resolve(name + ".db"),
                        name);
                case "h2" -> new Database(engine, "jdbc:h2:" + dir.resolve(name), dir.resolve(name), name);
                default -> throw new IllegalArgumentException(engine);
            };
        }

        void populate() throws Exception {
            if (engine.equals("mariadb")) {
                MariaDbServer.shared().admin("CREATE DATABASE " + name,
                        "GRANT ALL ON " + name + ".* TO '" + MariaDbServer.USER + "'@'127.0.0.1'");
            }
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100), data VARBINARY(64))");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 50; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, i % 5 == 0 ? null : "Zoë 🚀 'it''s' \\ line\nbreak " + i);
                        insert.setBytes(3, new byte[] {(byte) i, 0, (byte) 0xFF, '\'', '\\', '\n'});
                        insert.executeUpdate();
                    }
                }
            }
        }

        /** The URL a drill connects to: the source itself (SQLite and H2 drill in a temporary file). */
        String drillUrl() {
            return url;
        }

        /** {@code command} of RESTORE.md with this database's placeholders filled in, or {@code null} to leave it out. */
        String fillIn(String command) {
            return switch (engine) {
                case "mariadb" -> command.startsWith("sed ") ? null // the variant for users without SUPER
                        : command.replace("-h HOST", "-h 127.0.0.1 -P " + MariaDbServer.shared().port())
                                .replace("-u USER -p", "-u " + MariaDbServer.USER + " --password="
                                        + MariaDbServer.shared().password()).replace("newdb", name);
                case "sqlite" -> command.startsWith("mv ") ? "cp database.sqlite '" + file + "'" : command;
                case "h2" -> command.replace("java -cp h2.jar", Path.of(System.getProperty("java.home"), "bin", "java")
                        + " -cp '" + h2Jar() + "'").replace("jdbc:h2:/path/to/restored", "jdbc:h2:" + file);
                default -> command;
            };
        }

        private static String h2Jar() {
            try {
                return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every row of {@code items}, in order, binary values in hex. */
        List<String> content() throws Exception {
            List<String> rows = new ArrayList<>();
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT id, name, data FROM items ORDER BY id")) {
                while (row.next()) {
                    byte[] data = row.getBytes(3);
                    rows.add(row.getInt(1) + "|" + row.getString(2) + "|" + (data == null ? null : HexFormat.of().formatHex(data)));
                }
            }
            return rows;
        }
    }
}
