/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.ProgressListener;
import dev.planb.ReadCountingDestination;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.internal.run.BackupRun;
import dev.planb.spi.BackupId;
import dev.planb.spi.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {

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
    void listsBackupsNewestFirst() {
        BackupResult first = backup("app");
        BackupResult second = backup("app");

        assertThat(catalog.backups("app")).containsExactly(second.manifest(), first.manifest());
        assertThat(catalog.backups()).containsExactly(second.manifest(), first.manifest());
        assertThat(catalog.find("app", "latest")).isEqualTo(second.manifest());
        assertThat(catalog.find("app", first.id().value())).isEqualTo(first.manifest());
        assertThat(catalog.plans()).containsExactly("app");
    }

    /** Restoring the latest backup reads the newest manifest, not every manifest of the plan (a GET each on S3). */
    @Test
    void theLatestBackupIsFoundWithoutReadingTheOlderManifests() {
        ReadCountingDestination counted = new ReadCountingDestination(tmp.resolve("counted"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(counted)
                .build();
        BackupResult newest = null;
        for (int day = 1; day <= 4; day++) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-0" + day + "T03:00:00Z"), ZoneOffset.UTC);
            newest = new BackupRun(plan, ProgressListener.NONE, clock).execute();
        }
        counted.reads().clear();

        assertThat(PlanB.catalog(counted).find("app", "latest")).isEqualTo(newest.manifest());
        assertThat(counted.reads()).containsExactly("list app/",
                "open app/" + newest.id().value() + "/manifest.json");
    }

    @Test
    void aFolderWithoutManifestIsNotABackup() throws Exception {
        BackupResult real = backup("app");
        Path realFolder = destination.root().resolve("app").resolve(real.id().value());
        Path interrupted = Files.createDirectories(destination.root().resolve("app/20200101T000000Z-abcdef"));
        String artifact = real.manifest().artifacts().get(0).name();
        Files.copy(realFolder.resolve(artifact), interrupted.resolve(artifact));
        Files.copy(realFolder.resolve("RESTORE.md"), interrupted.resolve("RESTORE.md"));

        assertThat(catalog.backups("app")).containsExactly(real.manifest());
        assertThatThrownBy(() -> catalog.find("app", "20200101T000000Z-abcdef"))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
    }

    @Test
    void aDamagedManifestIsListedAsDamagedAndTheOtherBackupsStillList() throws Exception {
        BackupResult made = backup("app");
        BackupResult sound = backup("app");
        // An older backup: its id, the folder's name, is older than the sound one's.
        BackupId damagedId = new BackupId("20200101T000000Z-abcdef");
        Files.move(destination.root().resolve("app").resolve(made.id().value()),
                destination.root().resolve("app").resolve(damagedId.value()));
        Path manifest = destination.root().resolve("app").resolve(damagedId.value()).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"finishedAt\"", "\"finisiedAt\""));

        assertThat(catalog.backups("app")).containsExactly(sound.manifest());
        assertThat(catalog.scan("app").damaged()).singleElement().satisfies(backup -> {
            assertThat(backup.id()).isEqualTo(damagedId);
            assertThat(backup.reason()).contains("does not match its own checksum");
        });
        assertThat(catalog.find("app", "latest")).isEqualTo(sound.manifest()); // the damaged one is older
        assertThatThrownBy(() -> catalog.find("app", damagedId.value()))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DAMAGED_BACKUP))
                .hasMessageContaining("Backup " + damagedId + " of plan 'app' is DAMAGED");
    }

    @Test
    void aManifestWithAMangledChecksumIsNotTrusted() throws Exception {
        BackupResult damaged = backup("app");
        Path manifest = destination.root().resolve("app").resolve(damaged.id().value()).resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"sha256\"", "\"sha265\""));

        assertThat(catalog.backups("app")).isEmpty();
        assertThat(catalog.scan("app").damaged()).extracting(DamagedBackup::id).containsExactly(damaged.id());
    }

    @Test
    void ignoresFilesOutsideTheLayout() throws Exception {
        BackupResult real = backup("app");
        Path root = destination.root();
        Path manifest = root.resolve("app").resolve(real.id().value()).resolve("manifest.json");
        Files.writeString(root.resolve("README.txt"), "hello");
        Files.writeString(root.resolve("app/notes.txt"), "hello");
        copy(manifest, root.resolve("app").resolve(real.id().value()).resolve("nested/manifest.json"));
        copy(manifest, root.resolve("Not_A_Plan").resolve(real.id().value()).resolve("manifest.json"));
        copy(manifest, root.resolve("app/not-an-id/manifest.json"));
        Files.createDirectories(root.resolve("app/20200101T000000Z-abcdef"));
        Files.writeString(root.resolve("app/20200101T000000Z-abcdef/manifest.json"), "{ not json");

        assertThat(catalog.backups()).containsExactly(real.manifest());
        assertThat(catalog.scan().damaged()).extracting(DamagedBackup::id)
                .containsExactly(new BackupId("20200101T000000Z-abcdef"));
        assertThat(catalog.plans()).containsExactly("app");
    }

    @Test
    void resolvesThePlanWhenOnlyOneIsStored() {
        assertThatThrownBy(() -> catalog.resolvePlan(Optional.empty()))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));

        backup("app");
        assertThat(catalog.resolvePlan(Optional.empty())).isEqualTo("app");
        assertThat(catalog.resolvePlan(Optional.of("elsewhere"))).isEqualTo("elsewhere");

        backup("billing");
        assertThatThrownBy(() -> catalog.resolvePlan(Optional.empty()))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("app")
                .hasMessageContaining("billing");
        assertThat(catalog.resolvePlan(Optional.of("billing"))).isEqualTo("billing");
        assertThatThrownBy(() -> catalog.resolvePlan(Optional.of("../app")))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING));
    }

    @Test
    void latestIsTheNewestDumpNotABaseBackupOrALogFile() throws Exception {
        BackupResult dump = backup("app");
        Manifest base = chainPart(dump.manifest(), "20991231T000000Z-0000b0", Manifest.KIND_BASE, null);
        Manifest log = chainPart(dump.manifest(), "20991231T000030Z-000010", Manifest.KIND_LOG, base.backupId());

        assertThat(catalog.backups("app")).containsExactly(log, base, dump.manifest());
        assertThat(catalog.find("app", "latest")).isEqualTo(dump.manifest());
        assertThat(catalog.find("app", log.backupId())).isEqualTo(log);
        assertThat(catalog.newest("app", Manifest::isDump)).contains(dump.manifest());
        assertThat(catalog.newest("app", backup -> true)).contains(log);
        assertThat(catalog.newest("app", 2, backup -> true)).containsExactly(log, base);
        assertThat(catalog.newest("app", 2, Manifest::isDump)).containsExactly(dump.manifest());
        assertThatThrownBy(() -> Catalog.requireDump(log, "restored")).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING)).hasMessage("Backup " + log.backupId()
                        + " of plan 'app' is log file 000000010000000000000003 of the point-in-time chain that starts with"
                        + " backup " + base.backupId() + ": it cannot be restored on its own; use 'planb restore --at TIME'"
                        + " to restore the chain to a point in time");
        assertThatThrownBy(() -> Catalog.requireDump(base, "drilled")).hasMessageContaining(
                "is a base backup, which starts a point-in-time chain and needs its log files: it cannot be drilled");
        Catalog.requireDump(dump.manifest(), "restored");
    }

    @Test
    void latestOfAPlanWithOnlyAChainPointsToPointInTimeRestore() throws Exception {
        BackupResult dump = backup("other");
        Manifest base = chainPart(dump.manifest(), "20991231T000000Z-0000b0", Manifest.KIND_BASE, null);
        Files.delete(destination.root().resolve("other").resolve(dump.id().value()).resolve("manifest.json"));

        assertThat(catalog.backups("app")).containsExactly(base);
        assertThatThrownBy(() -> catalog.find("app", "latest")).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND)).hasMessageContaining(
                        "has no dump, only the base backups and log files of point-in-time chains: restore them with"
                                + " 'planb restore --at TIME'");
    }

    /** Writes a manifest of plan {@code app} like {@code like}'s, of another kind, as a chain part. */
    private Manifest chainPart(Manifest like, String id, String kind, String parent) throws Exception {
        Manifest part = new Manifest(Manifest.FORMAT_VERSION, "app", id, kind, parent, like.engine(), like.database(),
                new BackupId(id).time(), new BackupId(id).time().plusSeconds(1), like.artifacts(), List.of(),
                like.planbVersion(), List.of(), List.of(),
                new Manifest.LogInfo("wal", "000000010000000000000003", 0, false, 16L << 20));
        Path manifest = destination.root().resolve("app").resolve(id).resolve("manifest.json");
        Files.createDirectories(manifest.getParent());
        Files.write(manifest, ManifestWriter.write(part));
        return part;
    }

    private BackupResult backup(String plan) {
        return PlanB.backup(BackupPlan.builder(plan).database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).build());
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
    }
}
