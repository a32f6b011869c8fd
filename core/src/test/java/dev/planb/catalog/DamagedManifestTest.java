/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.ProgressListener;
import dev.planb.SampleDb;
import dev.planb.crypto.Encryption;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.ManifestChecksum;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.internal.run.BackupRun;
import dev.planb.spi.support.Json;
import dev.planb.retention.PruneOutcome;
import dev.planb.retention.PruneReport;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A manifest proves itself: any flipped byte makes its backup DAMAGED, never silently skipped or replaced. */
class DamagedManifestTest {

    private static final int SAMPLES = 24;

    @TempDir
    Path tmp;
    Path db;
    LocalDirectoryDestination destination;
    Catalog catalog;

    @BeforeEach
    void createDatabase() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        catalog = PlanB.catalog(destination);
    }

    @Test
    void everySingleByteFlipOfARealManifestIsCaught() throws Exception {
        byte[] manifest = Files.readAllBytes(manifestOf(backup()));
        assertThatCode(() -> ManifestReader.read(manifest, "manifest.json")).doesNotThrowAnyException();

        for (int position = 0; position < manifest.length; position++) {
            for (int mask : new int[] {0x01, 0x20, 0x80}) {
                byte[] flipped = manifest.clone();
                flipped[position] ^= (byte) mask;
                int at = position;
                assertThatThrownBy(() -> ManifestReader.read(flipped, "manifest.json"))
                        .as("byte %d ('%c') ^ 0x%02x", at, (char) manifest[at], mask)
                        .isInstanceOf(DamagedManifestException.class);
            }
        }
    }

    static IntStream samples() {
        return IntStream.range(0, SAMPLES);
    }

    @ParameterizedTest(name = "byte at {0}/" + SAMPLES + " of the manifest")
    @MethodSource("samples")
    void aFlippedByteInTheNewestManifestIsListedAsDamagedAndNeverReplacedByTheOlderBackup(int sample) throws Exception {
        BackupResult older = backup();
        BackupResult newest = backup();
        flipByte(manifestOf(newest), sample);

        CatalogScan scan = catalog.scan("app");
        assertThat(scan.backups()).containsExactly(older.manifest());
        assertThat(scan.damaged()).singleElement().satisfies(damaged -> {
            assertThat(damaged.id()).isEqualTo(newest.id());
            assertThat(damaged.location()).endsWith("app/" + newest.id() + "/manifest.json");
            assertThat(damaged.reason()).isNotBlank();
        });
        assertThatThrownBy(() -> catalog.find("app", "latest")).isInstanceOfSatisfying(DamagedBackupException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DAMAGED_BACKUP);
            assertThat(e.damaged().id()).isEqualTo(newest.id());
        }).hasMessageContaining("The newest backup of plan 'app', " + newest.id() + ", is DAMAGED")
                .hasMessageContaining("the newest intact one is " + older.id() + ", choose it with --backup " + older.id());
        assertThatThrownBy(() -> catalog.find("app", newest.id().value())).isInstanceOf(DamagedBackupException.class);
        assertThat(catalog.find("app", older.id().value())).isEqualTo(older.manifest());
    }

    /**
     * {@code latest} reads manifests newest first only as far as the newest dump: the newest of several damaged
     * backups above it is the one named, and a damaged backup below it does not matter.
     */
    @Test
    void latestNamesTheNewestDamagedBackupAboveTheNewestIntactOneAndIgnoresOlderDamage() throws Exception {
        BackupResult olderDamaged = backupOn(1);
        BackupResult intact = backupOn(2);
        BackupResult newerDamaged = backupOn(3);
        BackupResult newestDamaged = backupOn(4);
        for (BackupResult damaged : List.of(olderDamaged, newerDamaged, newestDamaged)) {
            flipByte(manifestOf(damaged), 5);
        }

        assertThatThrownBy(() -> catalog.find("app", "latest")).isInstanceOfSatisfying(DamagedBackupException.class,
                e -> assertThat(e.damaged().id()).isEqualTo(newestDamaged.id()))
                .hasMessageContaining("The newest backup of plan 'app', " + newestDamaged.id() + ", is DAMAGED")
                .hasMessageContaining("the newest intact one is " + intact.id());

        deleteFolderOf(newestDamaged);
        deleteFolderOf(newerDamaged);
        assertThat(catalog.find("app", "latest")).isEqualTo(intact.manifest());
    }

    @Test
    void theOnlyBackupDamagedLeavesNothingToRestoreAndSaysSo() throws Exception {
        BackupResult only = backup();
        flipByte(manifestOf(only), 7);

        assertThat(catalog.plans()).containsExactly("app");
        assertThat(catalog.scan("app").damaged()).extracting(DamagedBackup::id).containsExactly(only.id());
        assertThatThrownBy(() -> catalog.find("app", "latest")).isInstanceOf(DamagedBackupException.class)
                .hasMessageContaining(only.id() + ", is DAMAGED")
                .hasMessageContaining("there is no intact backup of this plan here");
    }

    @Test
    void retentionKeepsDamagedBackupsUnlessToldToIncludeThem() throws Exception {
        BackupResult oldest = backup();
        BackupResult damaged = backup();
        BackupResult newest = backup();
        flipByte(manifestOf(damaged), 11);
        RetentionPolicy keepOne = RetentionPolicy.builder().keepLast(1).build();

        PruneReport kept = new Pruner(destination).prune("app", keepOne, Instant.now(), false);

        assertThat(kept.deleted()).containsExactly(oldest.id());
        assertThat(kept.damaged()).singleElement().satisfies(row -> {
            assertThat(row.backup().id()).isEqualTo(damaged.id());
            assertThat(row.outcome()).isEqualTo(PruneOutcome.KEEP);
            assertThat(row.detail()).contains("--include-damaged");
        });
        assertThat(manifestOf(damaged)).exists();

        PruneReport dryRun = new Pruner(destination).prune("app", keepOne, Instant.now(), true, true);
        assertThat(dryRun.damaged()).singleElement().extracting(row -> row.outcome()).isEqualTo(PruneOutcome.WOULD_DELETE);
        assertThat(manifestOf(damaged)).exists();

        PruneReport included = new Pruner(destination).prune("app", keepOne, Instant.now(), false, true);
        assertThat(included.deleted()).containsExactly(damaged.id());
        assertThat(destination.root().resolve("app").resolve(damaged.id().value())).doesNotExist();
        assertThat(catalog.scan("app").backups()).containsExactly(newest.manifest());
        assertThat(catalog.scan("app").damaged()).isEmpty();
    }

    @Test
    void aManifestOfFormatOneWithoutChecksumStillReadsButFormatTwoNeedsIt() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(manifestOf(backup()).toFile());
        assertThat(tree.get("formatVersion").asInt()).isEqualTo(Manifest.FORMAT_VERSION).isEqualTo(2);
        assertThat(tree.get(ManifestChecksum.FIELD).asText()).isEqualTo(ManifestChecksum.of(tree)).hasSize(64);
        tree.remove(ManifestChecksum.FIELD);

        assertThatThrownBy(() -> ManifestReader.read(Json.mapper().writeValueAsBytes(tree), "m"))
                .isInstanceOf(DamagedManifestException.class).hasMessageContaining("lacks its checksum");
        tree.put("formatVersion", 1);
        assertThat(ManifestReader.read(Json.mapper().writeValueAsBytes(tree), "m").formatVersion()).isEqualTo(1);
    }

    @Test
    void theChecksumIgnoresLayoutButNotContent() throws Exception {
        Path file = manifestOf(backup());
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(file.toFile());
        byte[] compact = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(tree);
        assertThat(ManifestReader.read(compact, "m")).isEqualTo(ManifestReader.read(Files.readAllBytes(file), "m"));

        tree.put("database", tree.get("database").asText() + "x");
        assertThatThrownBy(() -> ManifestReader.read(Json.mapper().writeValueAsBytes(tree), "m"))
                .isInstanceOf(DamagedManifestException.class).hasMessageContaining("does not match its own checksum");
    }

    @Test
    void theModesAManifestAcceptsAreThoseEncryptionWrites() {
        assertThat(Manifest.Artifact.ENCRYPTION_MODES).containsExactly(Encryption.MODE_NONE, Encryption.MODE_PUBLIC_KEY,
                Encryption.MODE_PASSPHRASE);
    }

    /** Flips one byte at sample {@code sample} of {@value #SAMPLES} spread evenly over the file. */
    static void flipByte(Path file, int sample) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int position = (int) ((long) bytes.length * sample / SAMPLES);
        bytes[position] ^= 0x01;
        Files.write(file, bytes);
    }

    private Path manifestOf(BackupResult backup) {
        return destination.root().resolve(Layout.manifestKey("app", backup.id()));
    }

    /** A backup whose id and start time fall on day {@code day} of November 2026. */
    private BackupResult backupOn(int day) {
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .build();
        Clock clock = Clock.fixed(Instant.parse("2026-11-0" + day + "T03:00:00Z"), ZoneOffset.UTC);
        return new BackupRun(plan, ProgressListener.NONE, clock).execute();
    }

    private void deleteFolderOf(BackupResult backup) throws IOException {
        try (Stream<Path> files = Files.walk(destination.root().resolve("app").resolve(backup.id().value()))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private BackupResult backup() {
        return PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).build());
    }
}
