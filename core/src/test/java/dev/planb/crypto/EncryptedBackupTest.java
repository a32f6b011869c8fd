/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.RestoreRequest;
import dev.planb.SampleDb;
import dev.planb.Secret;
import dev.planb.catalog.ManifestWriter;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.verify.VerificationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedBackupTest {

    private static final String PASSPHRASE = "correct horse battery staple 7f3a";

    @TempDir
    Path tmp;
    Path db;
    LocalDirectoryDestination destination;

    @BeforeEach
    void createDatabase() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
    }

    @Test
    void encryptsToSeveralPublicKeysAndEachSecretKeyRestores() throws Exception {
        BackupKeyPair ops = BackupKeyPair.generate("ops <ops@example.com>", Secret.of("ops key passphrase"));
        BackupKeyPair escrow = BackupKeyPair.generate("escrow <escrow@example.com>", null);
        ops.writeTo(tmp.resolve("ops"));
        escrow.writeTo(tmp.resolve("escrow"));

        BackupResult backup = backup(Encryption.toPublicKeys(publicKey("ops"), publicKey("escrow")));

        Artifact artifact = backup.manifest().artifacts().get(0);
        assertThat(artifact.name()).isEqualTo("database.sqlite.zst.gpg");
        assertThat(artifact.encryption()).isEqualTo("openpgp-public-key");
        assertThat(artifact.recipients()).containsExactly(ops.fingerprint(), escrow.fingerprint());
        assertThat(artifact.openpgp().algorithm()).startsWith("AES-256");
        assertThat(artifact.openpgp().decryptedSha256()).isNotEqualTo(artifact.sha256());
        byte[] stored = Files.readAllBytes(stored(backup));
        assertThat(stored[0] & 0x80).as("an OpenPGP packet, not a zstd frame").isNotZero();

        PlanB.restore(request("ops.db").decryption(Decryption.withSecretKey(secretKey("ops"), Secret.of("ops key passphrase"))).build());
        PlanB.restore(request("escrow.db").decryption(Decryption.withSecretKey(secretKey("escrow"))).build());

        assertThat(SampleDb.content(tmp.resolve("ops.db"))).isEqualTo(SampleDb.content(db));
        assertThat(SampleDb.content(tmp.resolve("escrow.db"))).isEqualTo(SampleDb.content(db));
    }

    @Test
    void passphraseRoundTripKeepsThePassphraseOutOfEveryStoredFile() throws Exception {
        Encryption encryption = Encryption.withPassphrase(Secret.of(PASSPHRASE));
        BackupResult backup = backup(encryption);

        assertThat(backup.manifest().artifacts().get(0).encryption()).isEqualTo("openpgp-passphrase");
        assertThat(encryption.toString()).doesNotContain(PASSPHRASE);
        for (Path file : SampleDb.regularFiles(destination.root())) {
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain(PASSPHRASE);
        }
        PlanB.restore(request("restored.db").decryption(Decryption.withPassphrase(Secret.of(PASSPHRASE))).build());
        assertThat(SampleDb.content(tmp.resolve("restored.db"))).isEqualTo(SampleDb.content(db));
    }

    @Test
    void aWrongPassphraseIsOneClearLineAndChangesNothing() {
        backup(Encryption.withPassphrase(Secret.of(PASSPHRASE)));

        assertThatThrownBy(() -> PlanB.restore(request("restored.db")
                .decryption(Decryption.withPassphrase(Secret.of("not it"))).build()))
                .isInstanceOf(PlanBException.class)
                .hasMessageContaining("passphrase given is wrong").hasMessageNotContaining("\n")
                .hasMessageNotContaining("not it");
        assertThat(tmp.resolve("restored.db")).doesNotExist();
    }

    @Test
    void aWrongKeyNamesTheKeysTheBackupIsEncryptedTo() {
        BackupKeyPair right = BackupKeyPair.generate("right", null);
        BackupKeyPair wrong = BackupKeyPair.generate("wrong", null);
        right.writeTo(tmp.resolve("right"));
        wrong.writeTo(tmp.resolve("wrong"));
        backup(Encryption.toPublicKeys(publicKey("right")));

        assertThatThrownBy(() -> PlanB.restore(request("restored.db")
                .decryption(Decryption.withSecretKey(secretKey("wrong"))).build()))
                .isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("is encrypted to key(s) " + right.fingerprint())
                .hasMessageContaining("holds " + wrong.fingerprint())
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> PlanB.restore(request("restored.db").build()))
                .hasMessageContaining(right.fingerprint()).hasMessageContaining("--decrypt-with");
        assertThat(tmp.resolve("restored.db")).doesNotExist();
    }

    @Test
    void aKeyWithoutItsPassphraseOrWithTheWrongOneIsRefused() {
        BackupKeyPair keys = BackupKeyPair.generate("ops", Secret.of("the key passphrase"));
        keys.writeTo(tmp.resolve("ops"));
        backup(Encryption.toPublicKeys(publicKey("ops")));

        assertThatThrownBy(() -> PlanB.restore(request("a.db").decryption(Decryption.withSecretKey(secretKey("ops"))).build()))
                .hasMessageContaining("protected by a passphrase").hasMessageContaining(keys.fingerprint());
        assertThatThrownBy(() -> PlanB.restore(request("b.db")
                .decryption(Decryption.withSecretKey(secretKey("ops"), Secret.of("guess"))).build()))
                .hasMessageContaining("passphrase given for it is wrong");
    }

    @Test
    void alteredCiphertextIsCaughtEvenWhenTheManifestWasAlteredToMatch() throws Exception {
        backup(Encryption.withPassphrase(Secret.of(PASSPHRASE)));
        Manifest manifest = PlanB.catalog(destination).backups("app").get(0);
        Path stored = destination.root().resolve("app").resolve(manifest.backupId()).resolve("database.sqlite.zst.gpg");
        SampleDb.flipMiddleByte(stored);
        Decryption decryption = Decryption.withPassphrase(Secret.of(PASSPHRASE));

        assertThatThrownBy(() -> PlanB.restore(request("a.db").decryption(decryption).build()))
                .isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.CORRUPT_BACKUP))
                .hasMessageContaining("checksum mismatch");

        // Someone who can also rewrite the manifest: the OpenPGP integrity code still catches it.
        Path manifestFile = stored.resolveSibling("manifest.json");
        SampleDb.rewriteManifest(manifestFile, json -> json.replace(manifest.artifacts().get(0).sha256(),
                SampleDb.sha256(stored)));
        assertThatThrownBy(() -> PlanB.restore(request("b.db").decryption(decryption).build()))
                .isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.CORRUPT_BACKUP))
                .hasMessageContaining("integrity check");
        assertThat(tmp.resolve("a.db")).doesNotExist();
        assertThat(tmp.resolve("b.db")).doesNotExist();
    }

    @Test
    void verifyChecksStoredBytesWithoutTheKeyAndDecryptsWithIt() throws Exception {
        BackupKeyPair keys = BackupKeyPair.generate("ops", null);
        keys.writeTo(tmp.resolve("ops"));
        backup(Encryption.toPublicKeys(publicKey("ops")));

        assertThat(new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty()).passed()).isTrue();
        VerificationResult decrypted = new RestoreVerifier(destination, Decryption.withSecretKey(secretKey("ops")))
                .verify(Optional.empty(), "latest", Optional.of(DatabaseSource.of(SampleDb.url(tmp.resolve("scratch.db")))));
        assertThat(decrypted.passed()).as(decrypted.problems().toString()).isTrue();
    }

    @Test
    void aRestoreChecksTheDecryptedSizeAndAVerificationTheDecryptedChecksumToo() throws Exception {
        BackupResult backup = backup(Encryption.withPassphrase(Secret.of(PASSPHRASE)));
        Artifact artifact = backup.manifest().artifacts().get(0);
        Path manifestFile = stored(backup).resolveSibling("manifest.json");
        Decryption decryption = Decryption.withPassphrase(Secret.of(PASSPHRASE));
        SampleDb.rewriteManifest(manifestFile, json -> json.replace("\"decryptedSize\" : " + artifact.openpgp().decryptedSize(),
                "\"decryptedSize\" : " + (artifact.openpgp().decryptedSize() + 1)));

        assertThatThrownBy(() -> PlanB.restore(request("a.db").decryption(decryption).build()))
                .hasMessageContaining("(decrypted): size is " + artifact.openpgp().decryptedSize() + " bytes");
        assertThat(tmp.resolve("a.db")).doesNotExist();

        // The stored checksum and the integrity code fix every decrypted byte: a restore does not hash them again,
        // a verification still compares them with the manifest.
        SampleDb.rewriteManifest(manifestFile, json -> json.replace("\"decryptedSize\" : " + (artifact.openpgp().decryptedSize() + 1),
                "\"decryptedSize\" : " + artifact.openpgp().decryptedSize()).replace(artifact.openpgp().decryptedSha256(), "0".repeat(64)));
        VerificationResult verified = new RestoreVerifier(destination, decryption).verify(Optional.empty(), "latest",
                Optional.empty());
        assertThat(verified.passed()).isFalse();
        assertThat(verified.problems().toString()).contains("(decrypted): SHA-256 checksum mismatch");
        PlanB.restore(request("b.db").decryption(decryption).build());
        assertThat(SampleDb.content(tmp.resolve("b.db"))).isEqualTo(SampleDb.content(db));
    }

    @Test
    void aDamagedLastBlockIsCaughtBeforeAnythingIsRestored() throws Exception {
        BackupResult backup = backup(Encryption.withPassphrase(Secret.of(PASSPHRASE)));
        Path stored = stored(backup);
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 1] ^= 0x01; // inside the integrity code, after every byte of the dump
        Files.write(stored, bytes);

        assertThatThrownBy(() -> PlanB.restore(request("a.db")
                .decryption(Decryption.withPassphrase(Secret.of(PASSPHRASE))).build()))
                .isInstanceOf(PlanBException.class)
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.CORRUPT_BACKUP))
                .hasMessageContaining("SHA-256 checksum mismatch");
        assertThat(tmp.resolve("a.db")).doesNotExist();
    }

    @Test
    void anUnencryptedManifestHasNoOpenPgpField() throws Exception {
        BackupResult backup = backup(Encryption.none());
        String json = new String(ManifestWriter.write(backup.manifest()), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("openpgp").contains("\"encryption\" : \"none\"");
        assertThat(backup.manifest().artifacts().get(0).name()).isEqualTo("database.sqlite.zst");
    }

    @Test
    void keyFilesOfTheWrongHalfAreRefusedNamingTheFile() {
        BackupKeyPair keys = BackupKeyPair.generate("ops", null);
        keys.writeTo(tmp.resolve("ops"));

        assertThatThrownBy(() -> Encryption.toPublicKeys(secretKey("ops")))
                .hasMessageContaining(secretKey("ops").toString()).hasMessageContaining("holds a secret key");
        assertThatThrownBy(() -> Decryption.withSecretKey(publicKey("ops")))
                .hasMessageContaining(publicKey("ops").toString()).hasMessageContaining("holds no OpenPGP secret key");
        assertThatThrownBy(() -> Encryption.toPublicKeys(tmp.resolve("missing.asc")))
                .hasMessageContaining("missing.asc does not exist");
        assertThatThrownBy(() -> keys.writeTo(tmp.resolve("ops"))).hasMessageContaining("already exists");
    }

    @Test
    void theSecretKeyFileIsReadableByItsOwnerOnly() throws Exception {
        BackupKeyPair keys = BackupKeyPair.generate("ops", null);
        keys.writeTo(tmp.resolve("ops"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretKey("ops")))).isEqualTo("rw-------");
        assertThat(Files.readString(publicKey("ops"))).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        assertThat(keys.toString()).doesNotContain(keys.secretKey());
        assertThat(keys.fingerprint()).matches("[0-9A-F]{40}");
        assertThat(HexFormat.of().parseHex(keys.fingerprint())).hasSize(20);
    }

    private BackupResult backup(Encryption encryption) {
        return PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).encryption(encryption).build());
    }

    private RestoreRequest.Builder request(String target) {
        return RestoreRequest.builder().from(destination).plan("app")
                .target(DatabaseSource.of(SampleDb.url(tmp.resolve(target))));
    }

    private Path stored(BackupResult backup) {
        return destination.root().resolve("app").resolve(backup.id().value())
                .resolve(backup.manifest().artifacts().get(0).name());
    }

    private Path publicKey(String folder) {
        return tmp.resolve(folder).resolve(BackupKeyPair.PUBLIC_KEY_FILE);
    }

    private Path secretKey(String folder) {
        return tmp.resolve(folder).resolve(BackupKeyPair.SECRET_KEY_FILE);
    }
}
