/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.Compression;
import dev.planb.DatabaseSource;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.Progress;
import dev.planb.ProgressListener;
import dev.planb.RestoreRequest;
import dev.planb.RestoreResult;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.drill.RestoreVerifier;
import dev.planb.spi.Manifest.FileSet;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FilesRoundTripTest {

    @TempDir
    Path tmp;
    Path db;
    Path uploads;
    LocalDirectoryDestination destination;

    @BeforeEach
    void setUp() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
        uploads = SampleTree.create(tmp.resolve("uploads"));
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void treeRoundTripsInTheSameBackupAsTheDatabase(Compression compression) throws Exception {
        Map<String, String> original = SampleTree.describe(uploads);
        BackupResult backup = PlanB.backup(plan(DirectorySource.of(uploads)).compression(compression).build());

        Manifest manifest = backup.manifest();
        assertThat(manifest.artifacts()).extracting(Manifest.Artifact::name)
                .containsExactly("database.sqlite" + compression.extension(), "files-uploads.tar" + compression.extension());
        FileSet files = manifest.files().get(0);
        assertThat(files.source()).isEqualTo("uploads");
        assertThat(files.fileCount()).isEqualTo(7);
        assertThat(files.totalSize()).isEqualTo(300_000 + 8 + 12 + 4 + 9 + 9);
        assertThat(files.storedFiles()).isEqualTo(7);
        assertThat(files.warnings()).isEmpty();
        assertThat(manifest.needs()).isEmpty();
        assertThat(PlanB.catalog(destination).backups("app")).containsExactly(manifest);
        assertThat(Files.readString(tmp.resolve("backups/app/" + manifest.backupId() + "/RESTORE.md")))
                .contains("files-uploads.tar", "tar -x -C restored-files/uploads");

        Path restored = tmp.resolve("restored");
        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(destination).plan("app")
                .filesTo(restored).build());

        assertThat(result.matchesManifest()).as("%s", result.mismatches()).isTrue();
        assertThat(result.restoredTables()).as("files only: the database is not touched").isEmpty();
        assertThat(result.files()).singleElement().satisfies(files1 -> {
            assertThat(files1.files()).isEqualTo(7);
            assertThat(files1.directory()).isEqualTo(restored.resolve("uploads"));
        });
        assertThat(SampleTree.describe(restored.resolve("uploads"))).isEqualTo(original);
        assertThat(new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty()).problems())
                .isEmpty();
    }

    @Test
    void databaseAndOneSourceRestoreTogetherAndGlobsSelect() throws Exception {
        Path config = tmp.resolve("config");
        SampleTree.write(config.resolve("app.yml"), "port: 8080".getBytes());
        SampleTree.write(config.resolve("cache/big.tmp"), new byte[1000]);
        PlanB.backup(plan(DirectorySource.builder(uploads).exclude("photos", "*.txt").build())
                .files(DirectorySource.builder(config).name("conf").exclude("cache").build()).build());

        Path restoredDb = tmp.resolve("restored.db");
        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(destination)
                .target(DatabaseSource.of(SampleDb.url(restoredDb))).filesTo(tmp.resolve("conf-restored"))
                .filesSource("conf").build());
        assertThat(result.matchesManifest()).isTrue();
        assertThat(SampleDb.content(restoredDb)).isEqualTo(SampleDb.content(db));
        assertThat(tmp.resolve("conf-restored/app.yml")).hasContent("port: 8080");
        assertThat(tmp.resolve("conf-restored/cache")).doesNotExist();

        Path some = tmp.resolve("some");
        PlanB.restore(RestoreRequest.builder().from(destination).filesTo(some).filesSource("uploads")
                .filesGlob("private/*").build());
        assertThat(SampleTree.describe(some)).containsOnlyKeys("private", "private/secret.conf");

        Path all = tmp.resolve("all");
        PlanB.restore(RestoreRequest.builder().from(destination).filesTo(all).build());
        assertThat(all.resolve("uploads/README.txt")).doesNotExist();
        assertThat(all.resolve("uploads/photos")).doesNotExist();
        assertThat(all.resolve("uploads/empty")).exists();
    }

    @Test
    void restoreRefusesAFolderThatIsNotEmptyUnlessForced() throws Exception {
        PlanB.backup(plan(DirectorySource.of(uploads)).build());
        Path target = Files.createDirectories(tmp.resolve("target"));
        Files.writeString(target.resolve("mine.txt"), "keep me");
        Files.writeString(Files.createDirectories(target.resolve("uploads")).resolve("README.txt"), "old");

        assertThatThrownBy(() -> PlanB.restore(RestoreRequest.builder().from(destination).filesTo(target).build()))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_REFUSED))
                .hasMessageContaining(target.toString()).hasMessageContaining("--force");
        assertThat(target.resolve("uploads/README.txt")).hasContent("old");

        PlanB.restore(RestoreRequest.builder().from(destination).filesTo(target).force(true).build());
        assertThat(target.resolve("mine.txt")).hasContent("keep me");
        assertThat(SampleTree.describe(target.resolve("uploads"))).isEqualTo(SampleTree.describe(uploads));
    }

    @Test
    void aCorruptArchiveIsRefusedAndLeavesTheTargetUntouched() throws Exception {
        BackupResult backup = PlanB.backup(plan(DirectorySource.of(uploads)).compression(Compression.NONE).build());
        Path archive = tmp.resolve("backups/app/" + backup.id() + "/files-uploads.tar");
        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(archive, bytes);

        Path target = tmp.resolve("target");
        assertThatThrownBy(() -> PlanB.restore(RestoreRequest.builder().from(destination).filesTo(target).build()))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_BACKUP))
                .hasMessageContaining("files-uploads.tar");
        assertThat(target).doesNotExist();
        try (var siblings = Files.list(tmp)) {
            assertThat(siblings.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains("planb-partial"));
        }
        assertThat(new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty()).problems())
                .singleElement().asString().contains("files-uploads.tar", "checksum");
    }

    @Test
    void filesThatChangeOrVanishWhileReadAreWarningsInTheManifest() throws Exception {
        Path tree = tmp.resolve("changing");
        byte[] big = new byte[8 * 1024 * 1024];
        new Random(1).nextBytes(big);
        SampleTree.write(tree.resolve("a-growing.bin"), big);
        SampleTree.write(tree.resolve("b-vanishing.txt"), "soon gone".getBytes());
        AtomicBoolean databaseDone = new AtomicBoolean();
        AtomicBoolean changed = new AtomicBoolean();
        ProgressListener meddler = (Progress progress) -> {
            if (progress.done()) {
                databaseDone.set(true);
            } else if (databaseDone.get() && changed.compareAndSet(false, true)) {
                // Runs on the backup's thread right after the tar header of a-growing.bin: the file is open and being read.
                try {
                    Files.write(tree.resolve("a-growing.bin"), new byte[100], StandardOpenOption.APPEND);
                    Files.delete(tree.resolve("b-vanishing.txt"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };

        BackupResult backup = PlanB.backup(plan(DirectorySource.of(tree)).compression(Compression.NONE).build(), meddler);

        assertThat(changed).isTrue();
        assertThat(backup.warnings()).anyMatch(line -> line.contains("a-growing.bin grew while being read"))
                .anyMatch(line -> line.contains("b-vanishing.txt vanished"));
        assertThat(backup.manifest().files().get(0).warnings()).hasSize(backup.warnings().size());
        assertThat(backup.manifest().files().get(0).fileCount()).isEqualTo(1);
        Path restored = tmp.resolve("restored");
        PlanB.restore(RestoreRequest.builder().from(destination).filesTo(restored).filesSource("changing").build());
        assertThat(restored.resolve("a-growing.bin")).hasSize(big.length).hasBinaryContent(big);
    }

    @Test
    void aMissingDirectoryFailsBeforeAnythingIsWritten() {
        BackupPlan plan = plan(DirectorySource.of(tmp.resolve("no-such-folder"))).build();
        assertThatThrownBy(() -> PlanB.backup(plan))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("no-such-folder").hasMessageContaining("does not exist");
        assertThat(tmp.resolve("backups")).doesNotExist();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> DirectorySource.builder(uploads).include("[oops").build())
                .isInstanceOf(PlanBException.class).hasMessageContaining("[oops");
        assertThatThrownBy(() -> DirectorySource.builder(uploads).name("Bad Name").build())
                .isInstanceOf(PlanBException.class).hasMessageContaining("'Bad Name'");
        assertThatThrownBy(() -> plan(DirectorySource.of(uploads)).files(DirectorySource.of(uploads)).build())
                .isInstanceOf(PlanBException.class).hasMessageContaining("two files sources named 'uploads'");
        assertThatThrownBy(() -> RestoreRequest.builder().from(destination).filesSource("x").target(
                DatabaseSource.of("jdbc:sqlite:x.db")).build()).hasMessageContaining("--files-to");
    }

    @Test
    void oldManifestsWithoutFilesStillRead() throws Exception {
        BackupResult backup = PlanB.backup(plan(DirectorySource.of(uploads)).build());
        Path manifestFile = tmp.resolve("backups/app/" + backup.id() + "/manifest.json");
        String json = Files.readString(manifestFile);
        assertThat(json).contains("\"files\"", "\"needs\"", "\"fileCount\" : 7");
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(json);
        tree.remove(List.of("files", "needs"));
        tree.set("artifacts", Json.mapper().createArrayNode().add(tree.get("artifacts").get(0)));
        Manifest old = Json.mapper().treeToValue(tree, Manifest.class);
        assertThat(old.files()).isEmpty();
        assertThat(old.needs()).isEmpty();
        assertThat(old.databaseArtifact()).isEqualTo(backup.manifest().databaseArtifact());
    }

    private BackupPlan.Builder plan(DirectorySource source) {
        return BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(destination)
                .files(source);
    }
}
