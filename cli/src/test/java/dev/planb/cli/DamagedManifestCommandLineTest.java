/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.support.Json;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One flipped byte in a manifest, anywhere: list, status, verify and restore of latest all name the
 * damaged backup and exit with 16, never 0 with the older backup in its place.
 */
class DamagedManifestCommandLineTest {

    private static final int SAMPLES = 16;
    private static final int DAMAGED = ErrorCode.DAMAGED_BACKUP.exitCode();

    @TempDir
    Path dir;
    Path database;
    String backups;

    @BeforeEach
    void createDatabase() throws Exception {
        database = dir.resolve("app.db");
        DemoDatabase.create(database);
        backups = dir.resolve("backups").toString();
    }

    static IntStream samples() {
        return IntStream.range(0, SAMPLES);
    }

    @ParameterizedTest(name = "byte at {0}/" + SAMPLES + " of the newest manifest")
    @MethodSource("samples")
    void everyCommandNamesTheDamagedNewestBackupAndNoneUsesTheOlderOne(int sample) throws Exception {
        String older = backup(backups);
        String newest = backup(backups);
        flipByte(Path.of(backups).resolve(Layout.manifestKey("app", new BackupId(newest))), sample);

        assertEveryCommandRefuses(backups, newest, older);
    }

    @Test
    void theOnlyBackupDamagedIsListedNotHidden() throws Exception {
        String only = backup(backups);
        flipByte(Path.of(backups).resolve("app").resolve(only).resolve("manifest.json"), 3);

        Cli.Result list = Cli.run("list", "--from", backups);
        assertThat(list.exitCode()).isEqualTo(DAMAGED);
        assertThat(list.out()).contains(only, "DAMAGED: ");
        assertThat(list.err()).doesNotContain("No backups").contains("1 DAMAGED backup(s)");

        Cli.Result status = Cli.run("status", "--from", backups);
        assertThat(status.exitCode()).as(status.err()).isEqualTo(DAMAGED);
        assertThat(status.err()).contains("plan 'app' is DAMAGED: its newest backup " + only, "it has no intact backup here");

        Path target = dir.resolve("restored.db");
        Cli.Result restore = Cli.run("restore", "--from", backups, "--to-db", "jdbc:sqlite:" + target);
        assertThat(restore.exitCode()).isEqualTo(DAMAGED);
        assertThat(restore.err()).contains(only + ", is DAMAGED", "there is no intact backup of this plan here");
        assertThat(target).doesNotExist();
    }

    @Test
    void pruneKeepsDamagedBackupsUntilToldToIncludeThem() throws Exception {
        String damaged = backup(backups);
        String kept = backup(backups);
        Path damagedFolder = Path.of(backups).resolve("app").resolve(damaged);
        // Older than the intact one for sure: its id is its folder's name.
        Path older = damagedFolder.resolveSibling("20200101T000000Z-abcdef");
        Files.move(damagedFolder, older);
        flipByte(older.resolve("manifest.json"), 5);

        Cli.Result prune = Cli.run("prune", "--from", backups, "--keep-last", "1");
        assertThat(prune.exitCode()).as(prune.err()).isEqualTo(DAMAGED);
        assertThat(prune.out()).contains(kept, "keep", "20200101T000000Z-abcdef", "keep DAMAGED", "--include-damaged");
        assertThat(older.resolve("manifest.json")).exists();

        Cli.Result include = Cli.run("prune", "--from", backups, "--keep-last", "1", "--include-damaged");
        assertThat(include.exitCode()).as(include.err()).isZero();
        assertThat(include.out()).contains("20200101T000000Z-abcdef", "deleted DAMAGED");
        assertThat(older).doesNotExist();
        assertThat(Cli.run("list", "--from", backups).exitCode()).isZero();
    }

    @Test
    @ExtendWith(OpenSshServerExtension.class)
    void overSftpTooTheDamagedNewestBackupIsNamedAndRefused(OpenSshServer sshd) throws Exception {
        Path outbox = sshd.newFolder();
        String uri = "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + outbox
                + "?identity=" + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts();
        String older = backup(uri);
        String newest = backup(uri);
        flipByte(outbox.resolve("app").resolve(newest).resolve("manifest.json"), 9);

        assertEveryCommandRefuses(uri, newest, older);
    }

    @Test
    void aChecksumOnlyVerifySaysWhatItDidNotCheck() {
        backup(backups);

        Cli.Result verify = Cli.run("verify", "--from", backups);

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("checksum OK", "(size, SHA-256, compression, dump size)",
                "not checked  that the dump restores, and its tables and row counts: add --restore-to JDBC_URL");
    }

    private void assertEveryCommandRefuses(String from, String newest, String older) throws Exception {
        Cli.Result list = Cli.run("list", "--from", from);
        assertThat(list.exitCode()).as(list.err()).isEqualTo(DAMAGED);
        assertThat(list.out()).containsSubsequence(newest, "DAMAGED: ", "manifest.json", older);
        assertThat(list.err()).contains("1 DAMAGED backup(s)", "newest " + newest);

        Cli.Result json = Cli.run("list", "--from", from, "--json");
        assertThat(json.exitCode()).isEqualTo(DAMAGED);
        JsonNode listings = Json.mapper().readTree(json.out());
        assertThat(listings).hasSize(2);
        assertThat(listings.get(0).get("backupId").asText()).isEqualTo(newest);
        assertThat(listings.get(0).get("status").asText()).isEqualTo("DAMAGED");
        assertThat(listings.get(0).get("damaged").asText()).contains("manifest.json");
        assertThat(listings.get(1).get("status").asText()).isEqualTo("ok");

        Cli.Result status = Cli.run("status", "--from", from, "--json");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(DAMAGED);
        JsonNode plan = Json.mapper().readTree(status.out()).get(0);
        assertThat(plan.get("state").asText()).isEqualTo("DAMAGED");
        assertThat(plan.get("newestDamaged").asText()).isEqualTo(newest);
        assertThat(plan.get("backupId").asText()).isEqualTo(older);
        assertThat(plan.get("damaged").asInt()).isEqualTo(1);
        assertThat(status.err()).contains("plan 'app' is DAMAGED: its newest backup " + newest, "the newest intact one is "
                + older);

        Cli.Result verify = Cli.run("verify", "--from", from);
        assertThat(verify.exitCode()).isEqualTo(DAMAGED);
        assertThat(verify.err()).contains(newest + ", is DAMAGED", "choose it with --backup " + older);

        Path target = dir.resolve("restored-" + System.nanoTime() + ".db");
        Cli.Result restore = Cli.run("restore", "--from", from, "--to-db", "jdbc:sqlite:" + target);
        assertThat(restore.exitCode()).isEqualTo(DAMAGED);
        assertThat(restore.err()).contains(newest + ", is DAMAGED", "choose it with --backup " + older);
        assertThat(target).doesNotExist();

        Cli.Result chosen = Cli.run("restore", "--from", from, "--backup", older, "--to-db", "jdbc:sqlite:" + target);
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("Restored backup " + older);
        assertThat(SqliteRows.contentOf(target)).isEqualTo(SqliteRows.contentOf(database));
    }

    private String backup(String to) {
        Cli.Result result = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", to, "--plan", "app");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }

    /** Flips the lowest bit of one byte, at sample {@code sample} of {@value #SAMPLES} spread over the file. */
    private static void flipByte(Path file, int sample) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) ((long) bytes.length * sample / SAMPLES)] ^= 0x01;
        Files.write(file, bytes);
    }
}
