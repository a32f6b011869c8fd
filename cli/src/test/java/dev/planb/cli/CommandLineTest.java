/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.ErrorCode;
import dev.planb.spi.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    Path database;
    Path backups;

    @BeforeEach
    void createDatabase() throws Exception {
        database = dir.resolve("APP.db");
        DemoDatabase.create(database);
        backups = dir.resolve("backups");
    }

    @Test
    void backupsListAndRestoresIdenticalContent() throws Exception {
        Cli.Result first = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        Cli.Result second = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        String firstId = first.out().strip();
        String secondId = second.out().strip();
        assertThat(firstId).matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}").isNotEqualTo(secondId);

        Cli.Result list = Cli.run("list", "--from", backups.toString());
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).containsSubsequence(secondId, firstId).contains("KiB", "10200");

        Cli.Result json = Cli.run("list", "--from", backups.toString(), "--plan", "app", "--json");
        JsonNode listed = Json.mapper().readTree(json.out());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("backupId").asText()).isEqualTo(secondId);
        assertThat(listed.get(1).get("backupId").asText()).isEqualTo(firstId);
        assertThat(listed.get(0).get("storedBytes").asLong()).isPositive();
        assertThat(listed.get(0).get("startedAt").asText()).isNotBlank();

        Path restored = dir.resolve("NEW.db");
        Cli.Result restore = Cli.run("restore", "--from", backups.toString(), "--plan", "app", "--backup", "latest",
                "--to-db", "jdbc:sqlite:" + restored);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains(secondId, "Row counts match");
        assertThat(SqliteRows.contentOf(restored)).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void restoreOverDataNeedsForce() throws Exception {
        backup();
        Path target = dir.resolve("target.db");
        Files.copy(database, target);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + target);
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM orders");
        }

        Cli.Result refused = Cli.run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + target);
        assertThat(refused.exitCode()).isEqualTo(ErrorCode.RESTORE_REFUSED.exitCode());
        assertThat(refused.err()).contains("--force", target.toString());
        assertThat(SqliteRows.contentOf(target).get("orders")).isEmpty();

        Cli.Result forced = Cli.run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + target, "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(SqliteRows.contentOf(target)).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void flippedByteFailsVerifyAndRestoreNamingTheFile() throws Exception {
        String id = backup();
        Path artifact = backups.resolve("app").resolve(id).resolve("database.sqlite.zst");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(artifact, bytes);

        Cli.Result verify = Cli.run("verify", "--from", backups.toString(), "--plan", "app", "--backup", id);
        assertThat(verify.exitCode()).isEqualTo(ErrorCode.CORRUPT_BACKUP.exitCode());
        assertThat(verify.err()).contains("database.sqlite.zst", "checksum mismatch");

        Path target = dir.resolve("never.db");
        Cli.Result restore = Cli.run("restore", "--from", backups.toString(), "--to-db", "jdbc:sqlite:" + target);
        assertThat(restore.exitCode()).isEqualTo(ErrorCode.CORRUPT_BACKUP.exitCode());
        assertThat(restore.err()).contains("database.sqlite.zst", "checksum mismatch");
        assertThat(target).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("never.db"));
        }
    }

    @Test
    void verifyWithRestoreComparesRowCounts() throws Exception {
        backup();
        Cli.Result verify = Cli.run("verify", "--from", backups.toString(), "--restore-to",
                "jdbc:sqlite:" + dir.resolve("scratch.db"));
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("checksum OK", "restore OK", "row counts match");
    }

    @Test
    void verifyDrillPrintsChecksRecoveryAndFailsOnAFailingCheck() throws Exception {
        backup();
        String scratchServer = "jdbc:sqlite:" + dir.resolve("unused.db");
        Cli.Result passing = Cli.run("verify", "--from", backups.toString(), "--restore-to", scratchServer,
                "--check", "select count(*) from customers >= 1", "--fingerprint", "customers");
        assertThat(passing.exitCode()).as(passing.err()).isZero();
        assertThat(passing.out()).contains("into scratch database planb_verify_", "recovery ",
                "check        OK      select count(*) from customers: expected >= 1", "fingerprint  customers ");

        Cli.Result failing = Cli.run("verify", "--from", backups.toString(), "--restore-to", scratchServer,
                "--check", "select count(*) from customers < 0");
        assertThat(failing.exitCode()).isEqualTo(ErrorCode.VERIFICATION_FAILED.exitCode());
        assertThat(failing.out()).contains("check        FAILED  select count(*) from customers: expected < 0, got ");
        assertThat(failing.err().lines()).singleElement().asString()
                .contains("FAILED verification: SQL check failed: select count(*) from customers: expected < 0, got ");
        assertThat(dir.resolve("unused.db")).doesNotExist();

        expectError(ErrorCode.INVALID_SETTING, List.of("SQL check", "QUERY >= VALUE"), "verify", "--from",
                backups.toString(), "--restore-to", scratchServer, "--check", "select count(*) from customers");
        expectError(ErrorCode.INVALID_SETTING, List.of("--restore-to"), "verify", "--from", backups.toString(),
                "--check", "select 1 = 1");
    }

    @Test
    void badInputGivesOneClearLineAndExitCode() throws Exception {
        backup();
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        expectError(ErrorCode.DATABASE_UNAVAILABLE, List.of("missing.db", "does not exist"),
                "backup", "--db", "jdbc:sqlite:" + dir.resolve("missing.db"), "--to", backups.toString());
        expectError(ErrorCode.NO_ENGINE, List.of("jdbc:oracle:thin:@db", "sqlite", "h2"),
                "backup", "--db", "jdbc:oracle:thin:@db", "--to", backups.toString());
        expectError(ErrorCode.DESTINATION_FAILED, List.of(file.toString(), "Not a directory"),
                "backup", "--db", "jdbc:sqlite:" + database, "--to", file.resolve("sub").toString());
        expectError(ErrorCode.BACKUP_NOT_FOUND, List.of("20200101T000000Z-abcdef", "planb list"),
                "restore", "--from", backups.toString(), "--backup", "20200101T000000Z-abcdef", "--to-db", "jdbc:sqlite:x.db");
        expectError(ErrorCode.BACKUP_NOT_FOUND, List.of("'nope'", "plans here are app"),
                "list", "--from", backups.toString(), "--plan", "nope");
        expectError(ErrorCode.BACKUP_NOT_FOUND, List.of("does not exist"),
                "list", "--from", dir.resolve("no-such-folder").toString());
        expectError(ErrorCode.BACKUP_NOT_FOUND, List.of(file + " is a file, not a folder", "--from"),
                "list", "--from", file.toString());
        expectError(ErrorCode.INVALID_SETTING, List.of("--db"), "backup", "--to", backups.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result result = Cli.run("backup", "--verbose", "--db", "jdbc:sqlite:" + dir.resolve("missing.db"),
                "--to", backups.toString());
        assertThat(result.exitCode()).isEqualTo(ErrorCode.DATABASE_UNAVAILABLE.exitCode());
        assertThat(result.err()).contains("\tat dev.planb");
    }

    @Test
    void partialFailureKeepsTheGoodCopyAndExitsNonZero() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result result = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--plan", "app",
                "--to", backups.toString(), "--to", file.resolve("sub").toString());
        assertThat(result.exitCode()).isEqualTo(ErrorCode.DESTINATION_FAILED.exitCode());
        assertThat(result.out().strip()).matches("\\d{8}T\\d{6}Z-[0-9a-f]{6}");
        assertThat(result.err()).contains("FAILED on", "stored on");
        assertThat(Cli.run("verify", "--from", backups.toString()).exitCode()).isZero();
    }

    @Test
    void demoRunsTheWholeJob() {
        Cli.Result demo = Cli.run("demo", "--dir", dir.resolve("demo").toString());
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("checksums OK", "every table has the rows it had at backup time", "RESTORE.md");
        assertThat(dir.resolve("demo/restored.db")).exists();
    }

    private String backup() {
        Cli.Result result = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().strip();
    }

    private static void expectError(ErrorCode code, List<String> mentions, String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err()).isEqualTo(code.exitCode());
        String firstLine = result.err().lines().findFirst().orElse("");
        assertThat(firstLine).startsWith("planb: ");
        mentions.forEach(mention -> assertThat(result.err()).as(String.join(" ", args)).contains(mention));
        assertThat(result.err()).doesNotContain("\tat ");
    }
}
