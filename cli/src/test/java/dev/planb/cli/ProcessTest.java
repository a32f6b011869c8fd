/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.testing.LargeSqliteDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a real process shows: a backup killed with SIGKILL, and memory bounded by a small heap (database and files). */
class ProcessTest {

    @TempDir
    Path dir;

    @Test
    void backupKilledMidwayLeavesNothingListedAndTheNextOneSucceeds() throws Exception {
        Path database = dir.resolve("big.db");
        LargeSqliteDatabase.create(database, 400);
        Path backups = dir.resolve("backups");
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        List<String> jvm = List.of("-Djava.io.tmpdir=" + temporary);

        Process backup = PlanBProcess.start(dir, jvm, "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "app");
        waitForPartialUpload(backups, backup);
        backup.destroyForcibly();
        assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).isNotZero();

        Cli.Result list = Cli.run("list", "--from", backups.toString(), "--json");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out().strip()).isEqualTo("[ ]");

        Cli.Result next = PlanBProcess.run(dir, jvm, "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "app");
        assertThat(next.exitCode()).as(next.out()).isZero();
        String id = next.out().lines().filter(line -> line.matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}")).findFirst().orElseThrow();
        assertThat(Cli.run("list", "--from", backups.toString()).out()).contains(id);
        try (Stream<Path> leftovers = Files.list(temporary)) {
            assertThat(leftovers.map(path -> path.getFileName().toString()))
                    .as("snapshots of the killed run are cleaned up").noneMatch(name -> name.startsWith("planb-snapshot-"));
        }
        assertThat(Cli.run("verify", "--from", backups.toString()).exitCode()).isZero();
    }

    @Test
    void oneGigabyteBacksUpAndRestoresWithSixtyFourMegabytesOfHeap() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 1024);
        assertThat(Files.size(database)).isGreaterThan(1_000_000_000L);
        Path backups = dir.resolve("backups");
        List<String> smallHeap = List.of("-Xmx64m");

        Cli.Result backup = PlanBProcess.run(dir, smallHeap, "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "large");
        assertThat(backup.exitCode()).as(backup.out()).isZero();
        Files.delete(database);

        Path restored = dir.resolve("restored.db");
        Cli.Result restore = PlanBProcess.run(dir, smallHeap, "restore", "--from", backups.toString(),
                "--to-db", "jdbc:sqlite:" + restored);
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("Row counts match the manifest");
        assertThat(Files.size(restored)).isGreaterThan(1_000_000_000L);
    }

    @Test
    void aGigabyteOfFilesBacksUpAndRestoresWithSixtyFourMegabytesOfHeap() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path tree = dir.resolve("uploads");
        int folders = 64;
        int filesPerFolder = 160;
        byte[] content = new byte[100 * 1024];
        for (int folder = 0; folder < folders; folder++) {
            Path parent = Files.createDirectories(tree.resolve("folder-" + folder));
            for (int file = 0; file < filesPerFolder; file++) {
                new Random(folder * 1000L + file).nextBytes(content);
                Files.write(parent.resolve("upload-" + file + ".bin"), content);
            }
        }
        long totalBytes = (long) folders * filesPerFolder * content.length;
        assertThat(totalBytes).isGreaterThan(1_000_000_000L);
        Path backups = dir.resolve("backups");
        List<String> smallHeap = List.of("-Xmx64m");

        Cli.Result backup = PlanBProcess.run(dir, smallHeap, "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "app", "--files", tree.toString());
        assertThat(backup.exitCode()).as(backup.out()).isZero();
        assertThat(backup.out()).contains("files 'uploads': " + folders * filesPerFolder + " files");
        deleteTree(tree);

        Path restored = dir.resolve("restored");
        Cli.Result restore = PlanBProcess.run(dir, smallHeap, "restore", "--from", backups.toString(),
                "--files-to", restored.toString(), "--files-source", "uploads");
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains(folders * filesPerFolder + " files", "File counts and sizes match");
        new Random(63 * 1000L + 159).nextBytes(content);
        assertThat(restored.resolve("folder-63/upload-159.bin")).hasBinaryContent(content);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void waitForPartialUpload(Path backups, Process backup) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(backup.isAlive()).as("the backup ended before it could be killed").isTrue();
            if (partialBytes(backups) > 0) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no partial upload appeared within 60 s");
    }

    private static long partialBytes(Path backups) throws Exception {
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(file -> file.getFileName().toString().contains(".partial-"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
