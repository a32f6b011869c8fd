/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.SampleDb;
import dev.planb.Secret;
import dev.planb.crypto.Decryption;
import dev.planb.crypto.Encryption;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.retention.RetentionDecision;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest.FileSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalFilesTest {

    @TempDir
    Path tmp;
    Path db;
    Path uploads;
    LocalDirectoryDestination first;
    LocalDirectoryDestination second;

    @BeforeEach
    void setUp() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
        uploads = SampleTree.create(tmp.resolve("uploads"));
        first = new LocalDirectoryDestination(tmp.resolve("first"));
        second = new LocalDirectoryDestination(tmp.resolve("second"));
    }

    @Test
    void onlyChangedFilesAreStoredAndTheChainRestoresEveryVersionExactly() throws Exception {
        BackupResult full = backup(first, second);
        FileSet fullFiles = full.manifest().files().get(0);
        assertThat(fullFiles.index()).isEqualTo("files-uploads.index.jsonl.zst");
        assertThat(fullFiles.storedFiles()).isEqualTo(fullFiles.fileCount()).isEqualTo(7);
        assertThat(full.manifest().needs()).isEmpty();
        Map<String, String> firstState = SampleTree.describe(uploads);

        Path readme = uploads.resolve("README.txt");
        FileTime readmeTime = Files.getLastModifiedTime(readme);
        Files.writeString(readme, "UPLOADS\n");                  // same size, new content…
        Files.setLastModifiedTime(readme, readmeTime);             // …and the old time: only the hash tells
        Files.writeString(uploads.resolve("new.txt"), "added");
        Files.delete(uploads.resolve("empty"));
        Files.setLastModifiedTime(uploads.resolve("photos/2026/blob.bin"), FileTime.fromMillis(0)); // touched only
        BackupResult second1 = backup(first, second);
        FileSet changed = second1.manifest().files().get(0);
        assertThat(changed.fileCount()).isEqualTo(7);
        assertThat(changed.storedFiles()).as("README (hash), new.txt, blob.bin (time)").isEqualTo(3);
        assertThat(changed.storedSize()).isEqualTo(8 + 5 + 300_000);
        assertThat(second1.manifest().needs()).containsExactly(full.manifest().backupId());
        Map<String, String> secondState = SampleTree.describe(uploads);

        BackupResult unchanged = backup(first, second);
        FileSet same = unchanged.manifest().files().get(0);
        assertThat(same.storedFiles()).isZero();
        assertThat(unchanged.manifest().needs())
                .containsExactly(full.manifest().backupId(), second1.manifest().backupId());
        Files.writeString(uploads.resolve("new.txt"), "changed after the last backup");

        for (Destination destination : List.of(first, second)) {
            assertThat(restore(destination, unchanged, "latest-" + destination.hashCode())).isEqualTo(secondState);
            assertThat(restore(destination, second1, "middle-" + destination.hashCode())).isEqualTo(secondState);
            assertThat(restore(destination, full, "oldest-" + destination.hashCode())).isEqualTo(firstState);
            assertThat(new RestoreVerifier(destination).verify(Optional.empty(), unchanged.id().value(),
                    Optional.empty()).problems()).isEmpty();
        }
    }

    @Test
    void aDestinationWithoutThePreviousBackupGetsEveryFile() throws Exception {
        backup(first);
        BackupResult both = backup(first, second);
        assertThat(both.manifest().files().get(0).storedFiles()).as("second lacks the previous backup: full again")
                .isEqualTo(7);
        assertThat(both.manifest().needs()).isEmpty();
        assertThat(restore(second, both, "restored")).isEqualTo(SampleTree.describe(uploads));
    }

    @Test
    void anUnreadablePreviousIndexMeansEveryFileIsStoredAgain() throws Exception {
        BackupResult full = backup(first);
        Files.delete(tmp.resolve("first/app/" + full.id() + "/files-uploads.index.jsonl.zst"));

        BackupResult next = backup(first);

        assertThat(next.manifest().files().get(0).storedFiles()).isEqualTo(7);
        assertThat(next.manifest().needs()).isEmpty();
        assertThat(restore(first, next, "restored")).isEqualTo(SampleTree.describe(uploads));
    }

    @Test
    void aMissingNeededBackupFailsVerification() throws Exception {
        BackupResult full = backup(first);
        BackupResult next = backup(first);
        assertThat(next.manifest().needs()).containsExactly(full.id().value());
        Files.delete(tmp.resolve("first/app/" + full.id() + "/manifest.json"));

        assertThat(new RestoreVerifier(first).verify(Optional.empty(), next.id().value(), Optional.empty()).problems())
                .singleElement().asString().contains(full.id().value(), "missing");
    }

    @Test
    void retentionKeepsTheBackupsAKeptBackupNeeds() throws Exception {
        BackupResult oldest = backup(first);
        Files.writeString(uploads.resolve("new.txt"), "added");
        BackupResult middle = backup(first);
        Files.writeString(uploads.resolve("README.txt"), "changed");
        BackupResult newest = backup(first);
        assertThat(newest.manifest().needs()).containsExactly(oldest.id().value(), middle.id().value());

        RetentionDecision decision = RetentionPolicy.builder().keepLast(1).build()
                .decide(PlanB.catalog(first).backups("app"), Instant.now().plusSeconds(60));

        assertThat(decision.forgotten()).isEmpty();
        assertThat(decision.decisions()).filteredOn(d -> d.backup().backupId().equals(oldest.id().value()))
                .singleElement().satisfies(d -> assertThat(d.reasons()).contains("files needed by " + newest.id()));
    }

    @Test
    void anEncryptedPlanEncryptsTheFilesAndStoresThemInFullAsProductionCannotReadTheOldIndex() throws Exception {
        Secret passphrase = Secret.of("correct horse battery staple");
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(first)
                .encryption(Encryption.withPassphrase(passphrase))
                .files(DirectorySource.builder(uploads).incremental(true).build()).build();
        PlanB.backup(plan);
        BackupResult second1 = PlanB.backup(plan);

        FileSet files = second1.manifest().files().get(0);
        assertThat(second1.manifest().artifact(files.artifact()).orElseThrow().isEncrypted()).isTrue();
        assertThat(files.storedFiles()).isEqualTo(7);
        assertThat(second1.manifest().needs()).isEmpty();
        assertThat(Files.readString(tmp.resolve("first/app/" + second1.id() + "/RESTORE.md")))
                .contains("gpg --decrypt files-uploads.tar.zst.gpg | zstd -d --stdout | tar -x");
        Path target = tmp.resolve("decrypted");
        RestoreResult restored = PlanB.restore(RestoreRequest.builder().from(first).filesTo(target)
                .filesSource("uploads").decryption(Decryption.withPassphrase(passphrase)).build());
        assertThat(restored.mismatches()).isEmpty();
        assertThat(SampleTree.describe(target)).isEqualTo(SampleTree.describe(uploads));
        assertThat(new RestoreVerifier(first, Decryption.withPassphrase(passphrase))
                .verify(Optional.empty(), "latest", Optional.empty()).problems()).isEmpty();
    }

    private BackupResult backup(Destination... destinations) {
        return PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destinations(List.of(destinations))
                .files(DirectorySource.builder(uploads).incremental(true).build()).build());
    }

    private Map<String, String> restore(Destination from, BackupResult backup, String folder) {
        Path target = tmp.resolve(folder);
        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(from).backup(backup.id().value())
                .filesTo(target).filesSource("uploads").build());
        assertThat(result.mismatches()).isEmpty();
        return SampleTree.describe(target);
    }
}
