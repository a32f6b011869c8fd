/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.catalog.Catalog;
import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.TableCount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackupPipelineTest {

    @TempDir
    Path tmp;
    Path db;

    @BeforeEach
    void createDatabase() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
    }

    @Test
    void twoDestinationsGetIdenticalCompleteBackupsFromOneRun() throws Exception {
        LocalDirectoryDestination a = new LocalDirectoryDestination(tmp.resolve("a"));
        LocalDirectoryDestination b = new LocalDirectoryDestination(tmp.resolve("b"));

        BackupResult result = PlanB.backup(plan(Compression.ZSTD, a, b));

        assertThat(result.isComplete()).isTrue();
        assertThat(result.failures()).isEmpty();
        assertThat(result.destinations()).extracting(DestinationResult::destination)
                .containsExactly(a.description(), b.description());
        Manifest manifest = result.manifest();
        Artifact artifact = manifest.artifacts().get(0);
        assertThat(manifest.plan()).isEqualTo("app");
        assertThat(manifest.engine().name()).isEqualTo("sqlite");
        assertThat(manifest.tables()).containsExactly(new TableCount("attachments", SampleDb.ATTACHMENTS),
                new TableCount("customers", SampleDb.CUSTOMERS), new TableCount("orders", SampleDb.ORDERS));
        assertThat(artifact.name()).isEqualTo("database.sqlite.zst");
        assertThat(artifact.compression()).isEqualTo("zstd");

        Path folderA = backupFolder(a, result);
        Path folderB = backupFolder(b, result);
        for (Path folder : List.of(folderA, folderB)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(file -> file.getFileName().toString()))
                        .containsExactlyInAnyOrder("database.sqlite.zst", "RESTORE.md", "manifest.json");
            }
            Path stored = folder.resolve(artifact.name());
            assertThat(SampleDb.sha256(stored)).isEqualTo(artifact.sha256());
            assertThat(Files.size(stored)).isEqualTo(artifact.size());
            assertThat(Files.readString(folder.resolve("RESTORE.md")))
                    .contains(manifest.backupId(), artifact.sha256(), "zstd -d");
        }
        assertThat(Files.readAllBytes(folderA.resolve(artifact.name())))
                .isEqualTo(Files.readAllBytes(folderB.resolve(artifact.name())));
        assertThat(Files.readAllBytes(folderA.resolve("manifest.json")))
                .isEqualTo(Files.readAllBytes(folderB.resolve("manifest.json")));

        try (InputStream in = Compression.ZSTD.decompress(Files.newInputStream(folderA.resolve(artifact.name())))) {
            byte[] dump = in.readAllBytes();
            assertThat(dump).hasSize((int) artifact.dumpSize());
            assertThat(new String(dump, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        }
        assertThat(PlanB.catalog(a).backups("app")).containsExactly(manifest);
        assertThat(PlanB.catalog(b).backups("app")).containsExactly(manifest);
    }

    @Test
    void aDestinationThatCannotBeWrittenDoesNotStopTheOthers() throws Exception {
        LocalDirectoryDestination broken = unwritable("blocker");
        LocalDirectoryDestination good = new LocalDirectoryDestination(tmp.resolve("good"));

        BackupResult result = PlanB.backup(plan(Compression.ZSTD, broken, good));

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.destination()).isEqualTo(broken.description());
            assertThat(failure.failure()).isPresent();
        });
        assertCompleteBackup(good, result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"database.sqlite", "manifest.json"})
    void aDestinationFailingDuringTheRunIsCleanedUpAndReported(String failingFile) throws Exception {
        Destination flaky = new FlakyDestination(tmp.resolve("flaky"), key -> key.endsWith("/" + failingFile));
        LocalDirectoryDestination good = new LocalDirectoryDestination(tmp.resolve("good"));

        BackupResult result = PlanB.backup(plan(Compression.NONE, flaky, good));

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).extracting(DestinationResult::destination).containsExactly(flaky.description());
        assertThat(PlanB.catalog(flaky).backups()).isEmpty();
        assertThat(SampleDb.regularFiles(tmp.resolve("flaky"))).isEmpty();
        assertCompleteBackup(good, result);
    }

    @Test
    void whenEveryDestinationFailsTheRunFailsAndNothingIsListed() {
        LocalDirectoryDestination first = unwritable("blocker1");
        LocalDirectoryDestination second = unwritable("blocker2");

        assertThatThrownBy(() -> PlanB.backup(plan(Compression.ZSTD, first, second)))
                .isInstanceOfSatisfying(PlanBException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED))
                .hasMessageContaining(first.description())
                .hasMessageContaining(second.description());
        assertThat(PlanB.catalog(first).backups()).isEmpty();
        assertThat(PlanB.catalog(second).backups()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 100_000, 3_000_000})
    void aDumpFailureLeavesNoBackupAnywhere(long bytesBeforeFailure) throws Exception {
        LocalDirectoryDestination a = new LocalDirectoryDestination(tmp.resolve("a"));
        LocalDirectoryDestination b = new LocalDirectoryDestination(tmp.resolve("b"));
        BackupPlan plan = BackupPlan.builder("broken")
                .database(DatabaseSource.of(FailingEngine.PREFIX + bytesBeforeFailure))
                .compression(Compression.NONE).destination(a).destination(b).build();

        assertThatThrownBy(() -> PlanB.backup(plan))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DUMP_FAILED))
                .hasMessageContaining("broken")
                .hasMessageContaining(FailingEngine.FAILURE);
        for (LocalDirectoryDestination destination : List.of(a, b)) {
            assertThat(PlanB.catalog(destination).backups()).isEmpty();
            assertThat(SampleDb.regularFiles(destination.root())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyCompressionRestoresToIdenticalContent(Compression compression) throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        BackupResult backup = PlanB.backup(plan(compression, destination));
        assertThat(backup.manifest().artifacts().get(0).name()).isEqualTo("database.sqlite" + compression.extension());
        Path restored = tmp.resolve("restored.db");

        RestoreResult result = PlanB.restore(RestoreRequest.builder().from(destination).plan("app")
                .target(DatabaseSource.of(SampleDb.url(restored))).build());

        assertThat(result.matchesManifest()).isTrue();
        assertThat(result.manifest()).isEqualTo(backup.manifest());
        assertThat(SampleDb.content(restored)).isEqualTo(SampleDb.content(db));
    }

    private BackupPlan plan(Compression compression, Destination... destinations) {
        return BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).compression(compression)
                .destinations(List.of(destinations)).build();
    }

    /** A destination under a regular file: not even root can create folders there. */
    private LocalDirectoryDestination unwritable(String blockerName) {
        Path blocker = tmp.resolve(blockerName);
        try {
            Files.writeString(blocker, "not a folder");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new LocalDirectoryDestination(blocker.resolve("backups"));
    }

    /**
     * A backup without file sets reads nothing back from its destinations: looking for the previous backup (whose
     * files an incremental file set may reuse) lists the plan and reads a manifest, a round trip per backup on a
     * remote store, and is only for backups with files.
     */
    @Test
    void aBackupWithoutFilesReadsNothingFromItsDestinations() throws Exception {
        ReadCountingDestination destination = new ReadCountingDestination(tmp.resolve("counted"));
        PlanB.backup(plan(Compression.ZSTD, destination));
        destination.reads().clear();

        BackupResult second = PlanB.backup(plan(Compression.ZSTD, destination));

        assertThat(second.isComplete()).isTrue();
        assertThat(second.manifest().needs()).isEmpty();
        assertThat(destination.reads()).isEmpty();
    }

    private static Path backupFolder(LocalDirectoryDestination destination, BackupResult result) {
        return destination.root().resolve("app").resolve(result.id().value());
    }

    private static void assertCompleteBackup(LocalDirectoryDestination destination, BackupResult result) {
        Catalog catalog = PlanB.catalog(destination);
        assertThat(catalog.backups("app")).containsExactly(result.manifest());
        Artifact artifact = result.manifest().artifacts().get(0);
        Path stored = backupFolder(destination, result).resolve(artifact.name());
        assertThat(SampleDb.sha256(stored)).isEqualTo(artifact.sha256());
        assertThat(backupFolder(destination, result).resolve("RESTORE.md")).isRegularFile();
    }

    /** A local destination whose writes of matching keys fail after 100 KB. */
    static final class FlakyDestination extends ForwardingDestination {
        private final Predicate<String> failing;

        FlakyDestination(Path root, Predicate<String> failing) {
            super(new LocalDirectoryDestination(root));
            this.failing = failing;
        }

        @Override
        public ObjectWriter create(String key) throws IOException {
            ObjectWriter writer = super.create(key);
            if (!failing.test(key)) {
                return writer;
            }
            return new ObjectWriter() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > 100_000 || key.endsWith("manifest.json")) {
                        throw new IOException("simulated write failure of " + key);
                    }
                    writer.write(b, off, len);
                }

                @Override
                public void commit() throws IOException {
                    writer.commit();
                }

                @Override
                public void close() throws IOException {
                    writer.close();
                }
            };
        }
    }
}
