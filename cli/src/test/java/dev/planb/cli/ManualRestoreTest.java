/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.files.SampleTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore a person does during an outage, without PlanB: the shell commands written in a
 * backup's RESTORE.md, run as written with the stock tools (sha256sum, zstd, sqlite3).
 */
class ManualRestoreTest {

    @TempDir
    Path dir;

    @Test
    void restoreGuideCommandsRestoreTheDatabaseWithStockTools() throws Exception {
        requireTool("zstd");
        requireTool("sqlite3");
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path backups = dir.resolve("backups");
        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Path folder = backups.resolve("app").resolve(backup.out().strip());

        String script = String.join("\n", shellCommands(Files.readString(folder.resolve("RESTORE.md")))
                .stream().filter(line -> !line.startsWith("mv ")).toList());
        Cli.Result byHand = shell(folder, "set -e\n" + script);

        assertThat(byHand.exitCode()).as(script + "\n" + byHand.out()).isZero();
        assertThat(byHand.out()).contains("database.sqlite.zst: OK").contains("ok");
        assertThat(SqliteRows.contentOf(folder.resolve("database.sqlite"))).isEqualTo(SqliteRows.contentOf(database));
    }

    /**
     * The files of an incremental chain, restored as RESTORE.md says with sha256sum, zstd and
     * GNU tar: names, links, permissions and times come back as they were.
     */
    @Test
    void restoreGuideCommandsRestoreAnIncrementalFilesChainWithStockTar() throws Exception {
        requireTool("zstd");
        requireTool("tar");
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        Path uploads = SampleTree.create(dir.resolve("uploads"));
        Path backups = dir.resolve("backups");
        String[] backup = {"backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app",
            "--files", uploads.toString(), "--incremental"};
        Cli.Result first = Cli.run(backup);
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, String> firstState = SampleTree.describe(uploads);
        Files.writeString(uploads.resolve("README.txt"), "changed since the first backup\n");
        Files.writeString(uploads.resolve("photos/new.txt"), "added");
        Cli.Result second = Cli.run(backup);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("(2 stored in this backup)");

        assertThat(restoreFilesByHand(backups.resolve("app").resolve(first.out().strip()))).isEqualTo(firstState);
        assertThat(restoreFilesByHand(backups.resolve("app").resolve(second.out().strip())))
                .isEqualTo(SampleTree.describe(uploads));
    }

    private static Map<String, String> restoreFilesByHand(Path folder) throws Exception {
        String script = String.join("\n", shellCommands(Files.readString(folder.resolve("RESTORE.md")), "Files, by hand"));
        Cli.Result byHand = shell(folder, "set -e\n" + script);
        assertThat(byHand.exitCode()).as(script + "\n" + byHand.out()).isZero();
        assertThat(byHand.out()).contains("files-uploads.tar.zst: OK");
        return SampleTree.describe(folder.resolve("restored-files/uploads"));
    }

    /** The lines of the fenced sh blocks after the "By hand" heading, comments removed. */
    static List<String> shellCommands(String guide) {
        return shellCommands(guide, "By hand");
    }

    /** The lines of the fenced sh blocks in the sections whose "## " heading contains {@code heading}, comments removed. */
    static List<String> shellCommands(String guide, String heading) {
        List<String> commands = new ArrayList<>();
        boolean byHand = false;
        boolean inBlock = false;
        for (String line : guide.lines().map(String::strip).toList()) {
            if (line.startsWith("## ")) {
                byHand = line.contains(heading);
            } else if (line.startsWith("```")) {
                inBlock = !inBlock;
            } else if (byHand && inBlock && !line.isEmpty()) {
                commands.add(line.replaceAll("\\s+#.*$", ""));
            }
        }
        assertThat(commands).as("commands in RESTORE.md").isNotEmpty();
        return commands;
    }

    static Cli.Result shell(Path workDir, String script) throws Exception {
        return shell(workDir, script, Map.of());
    }

    /** Runs {@code script} with bash in {@code workDir}, with {@code environment} added. */
    static Cli.Result shell(Path workDir, String script, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Cli.Result(process.exitValue(), output, output);
    }

    private static void requireTool(String tool) throws Exception {
        Process which = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
        assertThat(which.waitFor()).as(tool + " is needed for this test: apt-get install -y " + tool
                + " (scripts/test.sh installs it)").isZero();
    }
}
