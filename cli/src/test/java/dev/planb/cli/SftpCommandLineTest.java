/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import dev.planb.spi.Layout;
import dev.planb.testing.LargeSqliteDatabase;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The command line against a real OpenSSH server: backups to sftp://, and pull out of an SFTP outbox. */
@ExtendWith(OpenSshServerExtension.class)
class SftpCommandLineTest {

    private static final String BACKUP_ID = "\\d{8}T\\d{6}Z-[0-9a-f]{6}";

    @TempDir
    Path dir;

    OpenSshServer sshd;
    Path outbox;
    String outboxUri;

    @BeforeEach
    void server(OpenSshServer sshd) throws IOException {
        this.sshd = sshd;
        outbox = sshd.newFolder();
        outboxUri = "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + outbox
                + "?identity=" + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts();
    }

    @Test
    void backsUpToSftpListsAndRestores() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);

        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", outboxUri, "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        String id = backup.out().strip();
        assertThat(backup.err()).contains("stored on sftp://" + sshd.user() + "@127.0.0.1:" + sshd.port() + outbox);
        assertThat(outbox.resolve("app/" + id + "/manifest.json")).isRegularFile();

        Cli.Result list = Cli.run("list", "--from", outboxUri);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("app", id);

        Path restored = dir.resolve("restored.db");
        Cli.Result restore = Cli.run("restore", "--from", outboxUri, "--to-db", "jdbc:sqlite:" + restored);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void pullCopiesTheGoodBackupsReportsTheCorruptOneAndEmptiesTheOutbox() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", outboxUri, "--plan", "app");
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            ids.add(backup.out().strip());
        }
        String damaged = ids.get(1);
        flipAByteIn(outbox.resolve("app/" + damaged + "/database.sqlite.zst"));
        Path vault = dir.resolve("vault");

        Cli.Result pull = Cli.run("pull", "--from", outboxUri, "--to", vault.toString(), "--remove-copied");

        assertThat(pull.exitCode()).as(pull.err()).isEqualTo(ErrorCode.CORRUPT_BACKUP.exitCode());
        assertThat(pull.out()).contains("CORRUPT         app                  " + damaged);
        assertThat(pull.err()).contains("SHA-256 checksum mismatch", damaged, "Pulled 2 backup(s)");
        Cli.Result inVault = Cli.run("list", "--from", vault.toString());
        assertThat(inVault.out()).contains(ids.get(0), ids.get(2)).doesNotContain(damaged);
        assertThat(Files.exists(vault.resolve("app/" + damaged))).isFalse();
        assertThat(Cli.run("verify", "--from", vault.toString(), "--backup", ids.get(0)).exitCode()).isZero();
        assertThat(Cli.run("list", "--from", outboxUri).out()).contains(damaged)
                .doesNotContain(ids.get(0), ids.get(2));

        Cli.Result again = Cli.run("pull", "--from", outboxUri, "--to", vault.toString());
        assertThat(again.err()).contains("Pulled 0 backup(s)", "1 not copied");
    }

    @Test
    void aPullKilledMidwayLeavesOnlyCompleteBackupsAndTheRerunFinishesIt() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 24);
        for (int i = 0; i < 4; i++) {
            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", outboxUri, "--plan", "big",
                    "--compression", "none");
            assertThat(backup.exitCode()).as(backup.err()).isZero();
        }
        Path vault = dir.resolve("vault");

        Process pull = PlanBProcess.start(dir, List.of("-Xmx64m"), "pull", "--from", outboxUri, "--to", vault.toString());
        awaitManifests(vault, 1, pull);
        pull.destroyForcibly();
        assertThat(pull.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int pulledBeforeKill = manifests(vault);
        assertThat(pulledBeforeKill).as("the pull was killed before it finished").isLessThan(4);
        Cli.Result afterKill = Cli.run("list", "--from", vault.toString(), "--json");
        assertThat(afterKill.out().split("\"backupId\"", -1)).hasSize(pulledBeforeKill + 1);
        assertThat(Cli.run("verify", "--from", vault.toString()).exitCode()).isZero();

        Cli.Result rerun = Cli.run("pull", "--from", outboxUri, "--to", vault.toString());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.err()).contains("Pulled " + (4 - pulledBeforeKill) + " backup(s); " + pulledBeforeKill
                + " already present; 0 not copied");
        assertThat(manifests(vault)).isEqualTo(4);
        for (String line : Cli.run("list", "--from", vault.toString()).out().lines().skip(1).toList()) {
            String id = line.split("\\s+")[1];
            assertThat(id).matches(BACKUP_ID);
            assertThat(Cli.run("verify", "--from", vault.toString(), "--backup", id).exitCode()).isZero();
        }
    }

    @Test
    void aKilledUploadToSftpLeavesNoVisibleBackup() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 48);

        Process backup = PlanBProcess.start(dir, List.of(), "backup", "--db", "jdbc:sqlite:" + database,
                "--to", outboxUri, "--plan", "big", "--compression", "none");
        awaitHiddenUpload(backup);
        backup.destroyForcibly();
        assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Cli.Result list = Cli.run("list", "--from", outboxUri, "--json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().strip()).isEqualTo("[ ]");
        try (Stream<Path> files = Files.walk(outbox)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()))
                    .as("only the hidden temporary upload is left").allMatch(name -> name.startsWith("."));
        }
    }

    private void awaitHiddenUpload(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the backup ended before it could be killed").isTrue();
            try (Stream<Path> files = Files.walk(outbox)) {
                if (files.anyMatch(file -> file.getFileName().toString().contains(".partial-") && file.toFile().length() > 0)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no upload started within 60 s: " + sshd.log());
    }

    private static void awaitManifests(Path vault, int count, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the pull ended before it could be killed").isTrue();
            if (manifests(vault) >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no backup was pulled within 60 s");
    }

    private static int manifests(Path vault) throws IOException {
        if (!Files.isDirectory(vault)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(vault)) {
            return (int) files.filter(file -> file.getFileName().toString().equals(Layout.MANIFEST)).count();
        }
    }

    private static void flipAByteIn(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0xff);
        }
    }
}
