/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.files.SampleTree;
import dev.planb.spi.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planb backup --files} and {@code planb restore --files-to}, in process and, where it takes one, as a process. */
class FilesCommandLineTest {

    @TempDir
    Path dir;

    Path database;
    Path uploads;
    Path config;
    Path backups;

    @BeforeEach
    void setUp() throws Exception {
        database = dir.resolve("app.db");
        DemoDatabase.create(database);
        uploads = SampleTree.create(dir.resolve("uploads"));
        config = Files.createDirectories(dir.resolve("etc-app"));
        Files.writeString(config.resolve("app.yml"), "port: 8080\n");
        Files.writeString(config.resolve("app.yml.bak"), "old\n");
        backups = dir.resolve("backups");
    }

    @Test
    void databaseAndFilesRoundTripThroughTheCommandLine() throws Exception {
        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(),
                "--plan", "app", "--files", uploads.toString(), "--files", "conf=" + config, "--exclude", "*.bak");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.err()).contains("files 'uploads': 7 files", "files 'conf': 1 files");
        String id = backup.out().strip();
        assertThat(backups.resolve("app/" + id + "/files-uploads.tar.zst")).isRegularFile();

        Path restored = dir.resolve("restored");
        Cli.Result restore = Cli.run("restore", "--from", backups.toString(), "--files-to", restored.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored files 'uploads'", "7 files", "File counts and sizes match");
        assertThat(SampleTree.describe(restored.resolve("uploads"))).isEqualTo(SampleTree.describe(uploads));
        assertThat(restored.resolve("conf/app.yml")).hasContent("port: 8080");
        assertThat(restored.resolve("conf/app.yml.bak")).doesNotExist();

        Cli.Result refused = Cli.run("restore", "--from", backups.toString(), "--files-to", restored.toString());
        assertThat(refused.exitCode()).isEqualTo(ErrorCode.RESTORE_REFUSED.exitCode());
        assertThat(refused.err()).startsWith("planb: ").contains(restored.toString(), "--force");

        Path both = dir.resolve("both");
        Cli.Result together = Cli.run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + dir.resolve("new.db"),
                "--files-to", both.toString(), "--files-source", "conf");
        assertThat(together.exitCode()).as(together.err()).isZero();
        assertThat(together.out()).contains("Row counts match the manifest", "File counts and sizes match too");
        assertThat(both.resolve("app.yml")).hasContent("port: 8080");
        assertThat(SqliteRows.contentOf(dir.resolve("new.db"))).isEqualTo(SqliteRows.contentOf(database));

        Cli.Result verify = Cli.run("verify", "--from", backups.toString());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("files-uploads.tar.zst", "files-conf.tar.zst");
    }

    @Test
    void badFilesOptionsGiveOneClearLine() throws Exception {
        expectError(ErrorCode.INVALID_SETTING, "add --files", "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--exclude", "*.tmp");
        expectError(ErrorCode.INVALID_SETTING, "does not exist", "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--files", dir.resolve("missing").toString());
        assertThat(backups).doesNotExist();
        expectError(ErrorCode.INVALID_SETTING, "--files-to DIR", "restore", "--from", dir.toString());
        Cli.Result dbOnly = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString());
        assertThat(dbOnly.exitCode()).as(dbOnly.err()).isZero();
        expectError(ErrorCode.BACKUP_NOT_FOUND, "holds no files", "restore", "--from", backups.toString(),
                "--files-to", dir.resolve("x").toString());
    }

    /**
     * A file the backup cannot read fails the run, or with --skip-unreadable is listed. Tests run as
     * root in CI, and root reads everything: there the backup runs in a user namespace
     * ({@code unshare --user}), where root has no power over the files of the machine, so a
     * file with mode 000 is unreadable for it as for anyone.
     */
    @Test
    void anUnreadableFileFailsTheRunUnlessSkippedAndThenIsListed() throws Exception {
        Path secret = Files.writeString(uploads.resolve("private/secret.key"), "key");
        Files.setPosixFilePermissions(secret, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        List<String> launcher = unprivileged();

        Cli.Result failed = PlanBProcess.run(dir, launcher, List.of(), Map.of(), "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "app", "--files", uploads.toString());
        assertThat(failed.exitCode()).as(failed.out()).isEqualTo(ErrorCode.DUMP_FAILED.exitCode());
        assertThat(failed.out()).contains("planb: ", "secret.key", "permission denied", "--skip-unreadable");
        assertThat(Cli.run("list", "--from", backups.toString(), "--json").out().strip()).isEqualTo("[ ]");
        try (var stored = Files.walk(backups)) {
            assertThat(stored.filter(Files::isRegularFile)).as("the database dump is removed too").isEmpty();
        }

        Cli.Result skipped = PlanBProcess.run(dir, launcher, List.of(), Map.of(), "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "app", "--files", uploads.toString(), "--skip-unreadable");
        assertThat(skipped.exitCode()).as(skipped.out()).isZero();
        assertThat(skipped.out()).contains("WARNING uploads: private/secret.key was unreadable and skipped");
        JsonNode manifest = Json.mapper().readTree(backups.resolve("app").resolve(lastLine(skipped.out()))
                .resolve("manifest.json").toFile());
        assertThat(manifest.at("/files/0/skipped/0").asText()).isEqualTo("private/secret.key");
        assertThat(manifest.at("/files/0/fileCount").asLong()).isEqualTo(7);
    }

    /** Root runs the command in a user namespace, where it cannot bypass file permissions. */
    private static List<String> unprivileged() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        Process probe = new ProcessBuilder("unshare", "--user", "true").redirectErrorStream(true).start();
        assertThat(probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0)
                .as("running as root, this test needs 'unshare --user' (Debian: apt-get install -y util-linux) and"
                        + " user namespaces: " + new String(probe.getInputStream().readAllBytes())).isTrue();
        return List.of("unshare", "--user");
    }

    private static String lastLine(String output) {
        return output.lines().filter(line -> line.matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}")).findFirst().orElseThrow();
    }

    private static void expectError(ErrorCode code, String mention, String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isEqualTo(code.exitCode());
        assertThat(result.err()).startsWith("planb: ").contains(mention).doesNotContain("\tat ");
    }
}
