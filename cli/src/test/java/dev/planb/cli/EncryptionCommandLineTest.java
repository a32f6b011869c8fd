/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.ErrorCode;
import dev.planb.catalog.ManifestReader;
import dev.planb.catalog.ManifestWriter;
import dev.planb.crypto.BackupKeyPair;
import dev.planb.crypto.Encryption;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.OpenPgp;
import dev.planb.spi.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted backups from the command line, and with the stock gpg binary in both directions. */
class EncryptionCommandLineTest {

    private static final String PASSPHRASE = "a long passphrase 4e1d no one guesses";

    @TempDir
    Path dir;

    Path database;
    Path backups;

    @BeforeEach
    void createDatabase() throws Exception {
        database = dir.resolve("app.db");
        DemoDatabase.create(database);
        backups = dir.resolve("backups");
    }

    @Test
    void publicKeyBackupRestoresWithEitherRecipientsSecretKeyOnly() throws Exception {
        String ops = keygen("ops");
        String escrow = keygen("escrow");
        String stranger = keygen("stranger");

        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app",
                "--encrypt-to", publicKey("ops"), "--encrypt-to", publicKey("escrow"));
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.err()).contains("encrypted (openpgp-public-key) to " + ops + ", " + escrow);

        Cli.Result checksumsOnly = Cli.run("verify", "--from", backups.toString());
        assertThat(checksumsOnly.exitCode()).as(checksumsOnly.err()).isZero();
        assertThat(checksumsOnly.out()).contains("database.sqlite.zst.gpg (size, SHA-256, encryption)",
                "not checked  the decrypted bytes, their compression and dump size: add --decrypt-with");
        Cli.Result decrypted = Cli.run("verify", "--from", backups.toString(), "--decrypt-with", secretKey("escrow"));
        assertThat(decrypted.exitCode()).as(decrypted.err()).isZero();
        assertThat(decrypted.out()).contains("decrypted: SHA-256, compression, dump size").doesNotContain(
                "not checked  the decrypted bytes");

        Cli.Result noKey = restore("none.db");
        assertThat(noKey.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(noKey.err().strip()).doesNotContain("\n").contains(ops, escrow, "--decrypt-with");
        Cli.Result wrongKey = restore("wrong.db", "--decrypt-with", secretKey("stranger"));
        assertThat(wrongKey.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(wrongKey.err().strip()).doesNotContain("\n")
                .contains("is encrypted to key(s) " + ops + ", " + escrow, "holds " + stranger);
        assertThat(dir.resolve("none.db")).doesNotExist();
        assertThat(dir.resolve("wrong.db")).doesNotExist();

        Cli.Result restore = restore("restored.db", "--decrypt-with", secretKey("ops"));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(SqliteRows.contentOf(dir.resolve("restored.db"))).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void keygenWritesAnOwnerOnlySecretKeyAndNeverOverwrites() throws Exception {
        Cli.Result keygen = Cli.run("keygen", "--out", dir.resolve("keys").toString(), "--name", "ops <ops@example.com>");
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        assertThat(keygen.out()).contains("--encrypt-to", "--decrypt-with", "offline");
        Path secret = dir.resolve("keys").resolve(BackupKeyPair.SECRET_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        String before = Files.readString(secret);

        Cli.Result again = Cli.run("keygen", "--out", dir.resolve("keys").toString());
        assertThat(again.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readString(secret)).isEqualTo(before);
    }

    @Test
    void thePassphraseNeverAppearsInArgumentsOutputOrStoredFiles() throws Exception {
        Map<String, String> environment = Map.of("BACKUP_PASSPHRASE", PASSPHRASE, "NOT_IT", "some other passphrase");
        String[] backupArgs = {"--verbose", "backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(),
            "--plan", "app", "--passphrase-env", "BACKUP_PASSPHRASE"};
        Cli.Result backup = PlanBProcess.run(dir, List.of(), environment, backupArgs);
        assertThat(backup.exitCode()).as(backup.out()).isZero();

        Cli.Result wrong = PlanBProcess.run(dir, List.of(), environment, "restore", "--from", backups.toString(),
                "--to-db", "jdbc:sqlite:" + dir.resolve("wrong.db"), "--passphrase-env", "NOT_IT");
        assertThat(wrong.exitCode()).isEqualTo(ErrorCode.INVALID_SETTING.exitCode());
        assertThat(wrong.out()).contains("passphrase given is wrong");

        String[] restoreArgs = {"--verbose", "restore", "--from", backups.toString(),
            "--to-db", "jdbc:sqlite:" + dir.resolve("restored.db"), "--passphrase-env", "BACKUP_PASSPHRASE"};
        Cli.Result restore = PlanBProcess.run(dir, List.of(), environment, restoreArgs);
        assertThat(restore.exitCode()).as(restore.out()).isZero();
        assertThat(SqliteRows.contentOf(dir.resolve("restored.db"))).isEqualTo(SqliteRows.contentOf(database));

        assertThat(String.join(" ", backupArgs) + String.join(" ", restoreArgs)).doesNotContain(PASSPHRASE);
        assertThat(backup.out() + restore.out() + wrong.out()).doesNotContain(PASSPHRASE).doesNotContain("some other");
        try (Stream<Path> files = Files.walk(backups)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(PASSPHRASE);
            }
        }
    }

    @Test
    void stockGpgDecryptsAPlanBBackupByFollowingItsRestoreGuide() throws Exception {
        keygen("ops");
        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app",
                "--encrypt-to", publicKey("ops"));
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Path folder = backups.resolve("app").resolve(backup.out().strip());

        try (Gpg gpg = Gpg.withHome(dir.resolve("gnupg"))) {
            gpg.run(dir, "--import", secretKey("ops"));
            String script = String.join("\n", ManualRestoreTest.shellCommands(Files.readString(folder.resolve("RESTORE.md")))
                    .stream().filter(line -> !line.startsWith("mv ")).toList());
            Cli.Result byHand = ManualRestoreTest.shell(folder, "set -e\nexport GNUPGHOME=" + gpg.home() + "\n" + script);

            assertThat(byHand.exitCode()).as(script + "\n" + byHand.out()).isZero();
            assertThat(byHand.out()).contains("database.sqlite.zst.gpg: OK", "database.sqlite.zst: OK");
        }
        assertThat(SqliteRows.contentOf(folder.resolve("database.sqlite"))).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void aFileEncryptedByStockGpgRestoresThroughPlanB() throws Exception {
        String ops = keygen("ops");
        Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(), "--plan", "app");
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        Path folder = backups.resolve("app").resolve(backup.out().strip());
        Path manifestFile = folder.resolve("manifest.json");
        Manifest plain = ManifestReader.read(Files.readAllBytes(manifestFile), manifestFile.toString());
        Artifact compressed = plain.artifacts().get(0);

        try (Gpg gpg = Gpg.withHome(dir.resolve("gnupg"))) {
            gpg.run(dir, "--import", publicKey("ops"));
            gpg.run(folder, "--trust-model", "always", "--recipient", ops, "--output", compressed.name() + ".gpg",
                    "--encrypt", compressed.name());
        }
        Path encrypted = folder.resolve(compressed.name() + ".gpg");
        Artifact byGpg = new Artifact(encrypted.getFileName().toString(), Files.size(encrypted), sha256(encrypted),
                compressed.compression(), Encryption.MODE_PUBLIC_KEY, compressed.dumpSize(),
                new OpenPgp("gpg default", List.of(ops), compressed.size(), compressed.sha256()));
        Files.delete(folder.resolve(compressed.name()));
        Files.write(manifestFile, ManifestWriter.write(new Manifest(plain.formatVersion(), plain.plan(),
                plain.backupId(), plain.kind(), plain.parentId(), plain.engine(), plain.database(), plain.startedAt(),
                plain.finishedAt(), List.of(byGpg), plain.tables(), plain.planbVersion())));

        Cli.Result restore = restore("restored.db", "--decrypt-with", secretKey("ops"));
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(SqliteRows.contentOf(dir.resolve("restored.db"))).isEqualTo(SqliteRows.contentOf(database));
    }

    @Test
    void keysMadeByStockGpgEncryptAndDecrypt() throws Exception {
        try (Gpg gpg = Gpg.withHome(dir.resolve("gnupg"))) {
            gpg.run(dir, "--passphrase", "", "--quick-gen-key", "gpg-made <ops@example.com>", "ed25519", "cert", "never");
            String fingerprint = gpg.run(dir, "--with-colons", "--list-keys", "gpg-made").lines()
                    .filter(line -> line.startsWith("fpr:")).findFirst().orElseThrow().split(":")[9];
            gpg.run(dir, "--passphrase", "", "--quick-add-key", fingerprint, "cv25519", "encr", "never");
            gpg.run(dir, "--armor", "--output", "public.asc", "--export", fingerprint);
            gpg.run(dir, "--pinentry-mode", "loopback", "--passphrase", "", "--armor", "--output", "secret.asc",
                    "--export-secret-keys", fingerprint);

            Cli.Result backup = Cli.run("backup", "--db", "jdbc:sqlite:" + database, "--to", backups.toString(),
                    "--plan", "app", "--encrypt-to", dir.resolve("public.asc").toString());
            assertThat(backup.exitCode()).as(backup.err()).isZero();
            assertThat(backup.err()).contains(fingerprint);
        }
        Cli.Result restore = restore("restored.db", "--decrypt-with", dir.resolve("secret.asc").toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(SqliteRows.contentOf(dir.resolve("restored.db"))).isEqualTo(SqliteRows.contentOf(database));
    }

    /** Makes a key pair in {@code dir/name} and returns its fingerprint. */
    private String keygen(String name) {
        Cli.Result keygen = Cli.run("keygen", "--out", dir.resolve(name).toString(), "--name", name);
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        return keygen.out().lines().findFirst().orElseThrow().split(" ")[1];
    }

    private Cli.Result restore(String target, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("restore", "--from", backups.toString(),
                "--to-db", "jdbc:sqlite:" + dir.resolve(target)));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private String publicKey(String name) {
        return dir.resolve(name).resolve(BackupKeyPair.PUBLIC_KEY_FILE).toString();
    }

    private String secretKey(String name) {
        return dir.resolve(name).resolve(BackupKeyPair.SECRET_KEY_FILE).toString();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
