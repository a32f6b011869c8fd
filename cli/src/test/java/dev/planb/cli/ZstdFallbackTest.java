/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a platform zstd-jni has no native library for, PlanB still backs up (gzip, with a warning naming the cause) and
 * says plainly what it cannot do. Shown for real: the command line runs with a zstd-jni jar stripped of its libraries.
 */
class ZstdFallbackTest {

    @TempDir
    Path dir;

    private String strippedClassPath;
    private Path database;

    @BeforeEach
    void classPathWithoutZstdLibraries() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).getFileName().toString().startsWith("zstd-jni-") ? stripNativeLibraries(entry) : entry);
        }
        assertThat(entries).anyMatch(entry -> entry.contains("without-natives"));
        strippedClassPath = String.join(File.pathSeparator, entries);
        database = dir.resolve("app.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            statement.execute("INSERT INTO notes (text) VALUES ('kept'), ('also kept')");
        }
    }

    @Test
    void withoutZstdTheDefaultIsGzipWithAWarningAndTheBackupRestores() throws Exception {
        Path backups = dir.resolve("backups");
        Cli.Result backup = run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");

        assertThat(backup.exitCode()).as(backup.out()).isZero();
        assertThat(backup.out()).contains("zstd's native library does not load on this platform")
                .contains("compressed with gzip instead");
        try (Stream<Path> files = Files.walk(backups)) {
            List<String> names = files.map(path -> path.getFileName().toString()).collect(Collectors.toList());
            assertThat(names).anyMatch(name -> name.endsWith(".gz")).noneMatch(name -> name.endsWith(".zst"));
        }
        Path restored = dir.resolve("restored.db");
        Cli.Result restore = run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + restored);
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void askingForZstdWhereItCannotLoadFailsNamingTheSetting() throws Exception {
        Cli.Result backup = run("backup", "--db", "jdbc:sqlite:" + database, "--to", dir.resolve("b").toString(),
                "--plan", "app", "--compression", "zstd");

        assertThat(backup.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(backup.out()).contains("zstd's native library does not load on this platform")
                .contains("set compression to gzip");
        assertThat(Cli.run("list", "--from", dir.resolve("b").toString(), "--json").out().strip()).isEqualTo("[ ]");
    }

    @Test
    void aZstdBackupMadeElsewhereIsRefusedWithTheByHandWay() throws Exception {
        Path backups = dir.resolve("zstd-backups");
        assertThat(Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app")
                .exitCode()).isZero();

        Cli.Result restore = run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + dir.resolve("r.db"));

        assertThat(restore.exitCode()).isNotZero();
        assertThat(restore.out()).contains("cannot restore a zstd backup here").contains("zstd -d");
    }

    private Cli.Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                PlanBProcess.ENABLE_NATIVE_ACCESS, "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")), "-cp", strippedClassPath,
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        return new Cli.Result(process.exitValue(), output, output);
    }

    private String stripNativeLibraries(String jar) throws IOException {
        Path stripped = dir.resolve("zstd-jni-without-natives.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of(jar)));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(stripped))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return stripped.toString();
    }
}
