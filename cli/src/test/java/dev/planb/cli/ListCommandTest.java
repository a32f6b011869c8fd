/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.catalog.ManifestWriter;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.TableCount;
import dev.planb.spi.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planb list} (and restore, verify) over a destination holding point-in-time chains, written by hand. */
class ListCommandTest {

    private static final long SEGMENT = 16L * 1024 * 1024;

    @TempDir
    Path dir;
    LocalDirectoryDestination destination;
    Manifest dump;
    Manifest base;
    Manifest partial;
    Manifest gapped;

    @BeforeEach
    void storeADumpAndAChainWithAGap() throws IOException {
        destination = new LocalDirectoryDestination(dir);
        dump = store("2026-11-24T00:00:00Z", Manifest.KIND_FULL, null, null);
        base = store("2026-11-25T00:00:00Z", Manifest.KIND_BASE, null, wal("000000010000000000000003", false));
        store("2026-11-25T00:00:30Z", Manifest.KIND_LOG, base, wal("000000010000000000000003", true));
        store("2026-11-25T00:01:00Z", Manifest.KIND_LOG, base, wal("000000010000000000000003", false));
        store("2026-11-25T00:01:30Z", Manifest.KIND_LOG, base, wal("000000010000000000000004", false));
        gapped = store("2026-11-25T00:02:00Z", Manifest.KIND_LOG, base, wal("000000010000000000000006", false));
        partial = store("2026-11-25T00:02:30Z", Manifest.KIND_LOG, base, wal("00000001000000000000000A", true));
    }

    @Test
    void foldsEachChainsLogIntoOneLineThatShowsTheGaps() {
        Cli.Result list = Cli.run("list", "--from", dir.toString());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(4);
        assertThat(list.out()).containsSubsequence("PLAN", "BACKUP ID", "KIND", "STARTED (UTC)",
                base.backupId(), "base", "2026-11-25 00:00:00",
                "log: 4 files, 000000010000000000000003 … 00000001000000000000000A, shipped until 2026-11-25 00:02:30,"
                        + " GAP after 000000010000000000000004, GAP after 000000010000000000000006",
                dump.backupId(), "full");
        assertThat(list.out()).doesNotContain(partial.backupId());
    }

    @Test
    void listsEveryLogFileWithLogs() throws IOException {
        Cli.Result list = Cli.run("list", "--from", dir.toString(), "--plan", "app", "--logs");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).hasSize(9);
        assertThat(list.out()).containsSubsequence(partial.backupId() + "  log ", "00000001000000000000000A (partial)",
                gapped.backupId(), base.backupId(), "log: 4 files", dump.backupId());

        JsonNode json = Json.mapper().readTree(Cli.run("list", "--from", dir.toString(), "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("kind").asText()).isEqualTo("base");
        assertThat(json.get(0).get("log").get("files").asInt()).isEqualTo(4);
        assertThat(json.get(0).get("log").get("shipments").asInt()).isEqualTo(5);
        assertThat(json.get(0).get("log").get("gaps").get(0).get("after").asText()).isEqualTo("000000010000000000000004");
        assertThat(json.get(1).get("kind").asText()).isEqualTo("full");
        assertThat(json.get(1).has("log")).isFalse();
        assertThat(json.get(1).has("parentId")).isFalse();

        JsonNode all = Json.mapper().readTree(Cli.run("list", "--from", dir.toString(), "--json", "--logs").out());
        assertThat(all).hasSize(7);
        assertThat(all.get(0).get("logFile").asText()).isEqualTo("00000001000000000000000A");
        assertThat(all.get(0).get("partial").asBoolean()).isTrue();
        assertThat(all.get(0).get("parentId").asText()).isEqualTo(base.backupId());
    }

    @Test
    void aLogWhoseChainStartIsMissingIsSummedUpOnItsOwn() throws IOException {
        Manifest missing = manifest("2026-11-26T00:00:00Z", Manifest.KIND_BASE, null, wal("000000010000000000000020", false));
        Manifest newest = store("2026-11-26T00:00:30Z", Manifest.KIND_LOG, missing, wal("000000010000000000000020", true));

        Cli.Result list = Cli.run("list", "--from", dir.toString());

        assertThat(list.out()).containsSubsequence(newest.backupId(), "000000010000000000000020 (partial), its chain's"
                + " first backup " + missing.backupId() + " is not here", "log: 1 file, 000000010000000000000020,"
                + " shipped until 2026-11-26 00:00:30", base.backupId());
    }

    @Test
    void restoreAndDrillRefuseALogFileButVerifyChecksItsChecksums() {
        Cli.Result restore = Cli.run("restore", "--from", dir.toString(), "--backup", partial.backupId(),
                "--to-db", "jdbc:sqlite:" + dir.resolve("restored.db"));
        assertThat(restore.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(restore.err()).contains("is log file 00000001000000000000000A of the point-in-time chain that starts"
                + " with backup " + base.backupId(), "planb restore --at TIME");

        Cli.Result drill = Cli.run("verify", "--from", dir.toString(), "--backup", base.backupId(),
                "--restore-to", "jdbc:sqlite:" + dir.resolve("drill.db"));
        assertThat(drill.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(drill.err()).contains("is a base backup", "cannot be drilled", "planb restore --at TIME");

        Cli.Result verify = Cli.run("verify", "--from", dir.toString(), "--backup", partial.backupId());
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("checksum OK", partial.backupId() + " of plan 'app' is sound");

        Cli.Result latest = Cli.run("restore", "--from", dir.toString(), "--to-db", "jdbc:sqlite:" + dir.resolve("r.db"));
        // latest is the dump, not the newest log file (whose made-up content then fails to load)
        assertThat(latest.err()).doesNotContain("planb restore --at").contains("does not contain a SQLite database");
    }

    private static LogInfo wal(String file, boolean partial) {
        return new LogInfo("wal", file, 0, partial, SEGMENT);
    }

    private Manifest store(String start, String kind, Manifest parent, LogInfo log) throws IOException {
        Manifest manifest = manifest(start, kind, parent, log);
        write(Layout.key("app", manifest.id(), manifest.databaseArtifact().name()), content(manifest));
        write(Layout.manifestKey("app", manifest.id()), ManifestWriter.write(manifest));
        return manifest;
    }

    private static Manifest manifest(String start, String kind, Manifest parent, LogInfo log) {
        Instant at = Instant.parse(start);
        BackupId id = BackupId.generate(at);
        byte[] content = (kind + " " + at).getBytes(StandardCharsets.UTF_8);
        Artifact artifact = new Artifact(Manifest.KIND_LOG.equals(kind) ? log.file() : "database.sql", content.length,
                sha256(content), "none", "none", content.length);
        return new Manifest(Manifest.FORMAT_VERSION, "app", id.value(), kind, parent == null ? null : parent.backupId(),
                new EngineInfo("sqlite", "3", "test", "1"), "jdbc:sqlite:app.db", at, at.plusSeconds(1),
                List.of(artifact), Manifest.KIND_FULL.equals(kind) ? List.of(new TableCount("t", 1)) : List.of(), "test",
                List.of(), List.of(), log);
    }

    private static byte[] content(Manifest manifest) {
        return (manifest.kind() + " " + manifest.startedAt()).getBytes(StandardCharsets.UTF_8);
    }

    private void write(String key, byte[] bytes) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(bytes);
            writer.commit();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
