/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.spi.BackupId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code planb cleanup} removes old leftovers of killed runs, and never a complete backup or a recent leftover. */
class CleanupCommandTest {

    @TempDir
    Path dir;

    Path backups;
    Path complete;
    Path oldFolder;
    Path oldPartial;
    Path recentFolder;

    @BeforeEach
    void destinationWithLeftovers() throws Exception {
        Path database = dir.resolve("app.db");
        DemoDatabase.create(database);
        backups = dir.resolve("backups");
        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        complete = backups.resolve("app/" + backup.out().strip());
        Files.writeString(complete.resolve(".verification-x.json.partial-1"), "a killed verification"); // recent

        oldFolder = backups.resolve("app/" + BackupId.generate(Instant.now().minus(Duration.ofHours(5))));
        Files.createDirectories(oldFolder);
        Files.writeString(oldFolder.resolve("database.sqlite.zst"), "complete artifact, no manifest");
        oldPartial = Files.writeString(oldFolder.resolve(".RESTORE.md.partial-2"), "half");
        Files.setLastModifiedTime(oldPartial, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(5))));
        recentFolder = backups.resolve("app/" + BackupId.generate(Instant.now().minus(Duration.ofMinutes(5))));
        Files.createDirectories(recentFolder);
        Files.writeString(recentFolder.resolve("database.sqlite.zst"), "a run that may still be going");
    }

    @Test
    void dryRunListsAndRemovesNothing() {
        Cli.Result dryRun = Cli.run("cleanup", "--from", backups.toString(), "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("would remove", "backup without manifest", "app/" + oldFolder.getFileName() + "/",
                "unfinished write").doesNotContain(recentFolder.getFileName().toString());
        assertThat(dryRun.err()).contains("2 found, none removed (dry run)");
        assertThat(oldFolder).exists();
        assertThat(oldPartial).exists();
    }

    @Test
    void removesOnlyWhatIsOlderThanTheLimitAndNeverACompleteBackup() {
        Cli.Result cleanup = Cli.run("cleanup", "--from", backups.toString());

        assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
        assertThat(cleanup.err()).contains("Leftovers older than 4h", "2 found, 2 removed");
        assertThat(oldFolder).doesNotExist();
        assertThat(recentFolder.resolve("database.sqlite.zst")).exists();
        assertThat(complete.resolve("manifest.json")).exists();
        assertThat(complete.resolve(".verification-x.json.partial-1")).as("recent partial file").exists();

        Cli.Result everything = Cli.run("cleanup", "--from", backups.toString(), "--older-than", "0s");
        assertThat(everything.exitCode()).as(everything.err()).isZero();
        assertThat(recentFolder).doesNotExist();
        assertThat(complete.resolve(".verification-x.json.partial-1")).doesNotExist();
        assertThat(complete.resolve("manifest.json")).exists();
        assertThat(Cli.run("verify", "--from", backups.toString()).exitCode()).isZero();
    }

    @Test
    void pruneRemovesLeftoversAfterApplyingRetention() {
        Cli.Result prune = Cli.run("prune", "--from", backups.toString(), "--keep-last", "1");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("removed", "app/" + oldFolder.getFileName() + "/");
        assertThat(oldFolder).doesNotExist();
        assertThat(recentFolder).exists();
        assertThat(complete.resolve("manifest.json")).exists();
    }
}
