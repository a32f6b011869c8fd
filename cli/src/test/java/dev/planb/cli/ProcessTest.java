package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a real process shows: a backup killed with SIGKILL, and memory bounded by a small heap. */
class ProcessTest {

    @TempDir
    Path dir;

    @Test
    void backupKilledMidwayLeavesNothingListedAndTheNextOneSucceeds() throws Exception {
        Path database = dir.resolve("big.db");
        LargeDatabase.create(database, 400);
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
        LargeDatabase.create(database, 1024);
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
