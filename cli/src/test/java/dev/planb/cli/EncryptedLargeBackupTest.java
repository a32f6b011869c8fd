/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.crypto.BackupKeyPair;
import dev.planb.testing.LargeSqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption streams: a 1 GB database is encrypted, decrypted and restored in 64 MiB of heap. */
class EncryptedLargeBackupTest {

    @TempDir
    Path dir;

    @Test
    void oneGigabyteEncryptsAndDecryptsWithSixtyFourMegabytesOfHeap() throws Exception {
        Path database = dir.resolve("large.db");
        LargeSqliteDatabase.create(database, 1024);
        assertThat(Files.size(database)).isGreaterThan(1_000_000_000L);
        BackupKeyPair.generate("large", null).writeTo(dir.resolve("keys"));
        Path backups = dir.resolve("backups");
        List<String> smallHeap = List.of("-Xmx64m");

        Cli.Result backup = PlanBProcess.run(dir, smallHeap, "backup", "--db", "jdbc:sqlite:" + database,
                "--to", backups.toString(), "--plan", "large",
                "--encrypt-to", dir.resolve("keys").resolve(BackupKeyPair.PUBLIC_KEY_FILE).toString());
        assertThat(backup.exitCode()).as(backup.out()).isZero();
        assertThat(backup.out()).contains("encrypted (openpgp-public-key)");
        Files.delete(database);

        Path restored = dir.resolve("restored.db");
        Cli.Result restore = PlanBProcess.run(dir, smallHeap, "restore", "--from", backups.toString(),
                "--to-db", "jdbc:sqlite:" + restored,
                "--decrypt-with", dir.resolve("keys").resolve(BackupKeyPair.SECRET_KEY_FILE).toString());
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(restore.out()).contains("Row counts match the manifest");
        assertThat(Files.size(restored)).isGreaterThan(1_000_000_000L);
    }
}
