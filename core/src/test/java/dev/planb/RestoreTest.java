/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Destination;
import dev.planb.spi.Manifest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestoreTest {

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
    void restoresTheLatestBackupIntoANewFile() throws Exception {
        BackupResult backup = backup(Compression.ZSTD);
        Path target = tmp.resolve("restored.db");

        RestoreResult result = PlanB.restore(request(target).build());

        assertThat(result.manifest()).isEqualTo(backup.manifest());
        assertThat(result.restoredTables()).isEqualTo(backup.manifest().tables());
        assertThat(result.mismatches()).isEmpty();
        assertThat(SampleDb.content(target)).isEqualTo(SampleDb.content(db));
    }

    @Test
    void stagingFileOfAKilledRestoreIsRemovedByTheNextRestore() throws Exception {
        backup(Compression.ZSTD);
        Path target = tmp.resolve("restored.db");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killedStaging = Files.writeString(tmp.resolve(".restored.db.planb-restore-" + gone.pid() + "-1.tmp"), "x");
        Path otherTarget = Files.writeString(tmp.resolve(".other.db.planb-restore-" + gone.pid() + "-1.tmp"), "x");

        PlanB.restore(request(target).build());

        assertThat(killedStaging).doesNotExist();
        assertThat(otherTarget).as("another target's staging file").exists();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith(".restored.db"));
        }
    }

    @Test
    void progressCountsTheBytesReadFromStorage() throws Exception {
        BackupResult backup = backup(Compression.ZSTD);
        Manifest.Artifact artifact = backup.manifest().databaseArtifact();
        List<Progress> reports = new ArrayList<>();

        PlanB.restore(request(tmp.resolve("restored.db")).progress(reports::add).build());

        Progress last = reports.get(reports.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.operation()).isEqualTo("restore");
        assertThat(last.storedBytes()).isEqualTo(artifact.size()).isPositive();
        assertThat(last.databaseBytes()).isEqualTo(artifact.dumpSize());
    }

    @Test
    void latestIsTheNewestBackupAndAnIdSelectsAnOlderOne() throws Exception {
        BackupResult first = backup(Compression.ZSTD);
        Map<String, List<String>> before = SampleDb.content(db);
        SampleDb.execute(db, "INSERT INTO orders (customer_id, amount) VALUES (1, 99.5)");
        backup(Compression.ZSTD);

        PlanB.restore(request(tmp.resolve("latest.db")).build());
        PlanB.restore(request(tmp.resolve("first.db")).backup(first.id().value()).build());

        assertThat(SampleDb.content(tmp.resolve("latest.db"))).isEqualTo(SampleDb.content(db));
        assertThat(SampleDb.content(tmp.resolve("first.db"))).isEqualTo(before);
    }

    @Test
    void refusesToOverwriteADatabaseThatHoldsDataUnlessForced() throws Exception {
        backup(Compression.ZSTD);
        Path target = existingDatabase();
        String original = SampleDb.sha256(target);

        assertFails(() -> PlanB.restore(request(target).build()), ErrorCode.RESTORE_REFUSED)
                .hasMessageContaining(target.getFileName().toString());
        assertThat(SampleDb.sha256(target)).isEqualTo(original);

        RestoreResult forced = PlanB.restore(request(target).force(true).build());
        assertThat(forced.matchesManifest()).isTrue();
        assertThat(SampleDb.content(target)).isEqualTo(SampleDb.content(db));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aFlippedByteIsReportedAsCorruptAndChangesNothing(Compression compression) throws Exception {
        BackupResult backup = backup(compression);
        String artifact = backup.manifest().artifacts().get(0).name();
        SampleDb.flipMiddleByte(storedArtifact(backup));
        Path fresh = tmp.resolve("fresh.db");
        Path existing = existingDatabase();
        String original = SampleDb.sha256(existing);

        assertFails(() -> PlanB.restore(request(fresh).build()), ErrorCode.CORRUPT_BACKUP)
                .hasMessageContaining(artifact)
                .hasMessageContaining("checksum");
        assertFails(() -> PlanB.restore(request(existing).force(true).build()), ErrorCode.CORRUPT_BACKUP);

        assertThat(fresh).doesNotExist();
        assertThat(SampleDb.sha256(existing)).isEqualTo(original);
        assertThat(SampleDb.regularFiles(tmp)).noneMatch(file -> file.toString().contains("planb-restore"));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aTruncatedArtifactIsReportedByItsSize(Compression compression) throws Exception {
        BackupResult backup = backup(compression);
        Path stored = storedArtifact(backup);
        byte[] bytes = Files.readAllBytes(stored);
        Files.write(stored, Arrays.copyOf(bytes, bytes.length - 100));
        Path fresh = tmp.resolve("fresh.db");

        assertFails(() -> PlanB.restore(request(fresh).build()), ErrorCode.CORRUPT_BACKUP)
                .hasMessageContaining(backup.manifest().artifacts().get(0).name())
                .hasMessageContaining("size");
        assertThat(fresh).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aReadThatBreaksOffIsAFailedReadNotADamagedBackupAndTheRestoreCanRunAgain(Compression compression)
            throws Exception {
        BackupResult backup = backup(compression);
        Manifest.Artifact artifact = backup.manifest().artifacts().get(0);
        Destination breaking = new ForwardingDestination(destination) {
            @Override
            public InputStream open(String key) throws IOException {
                InputStream in = super.open(key);
                return key.endsWith(artifact.name()) ? new BreakingInputStream(in, artifact.size() / 2) : in;
            }
        };
        Path fresh = tmp.resolve("fresh.db");

        assertFails(() -> PlanB.restore(RestoreRequest.builder().from(breaking).plan("app")
                .target(DatabaseSource.of(SampleDb.url(fresh))).build()), ErrorCode.RESTORE_FAILED)
                .hasMessageContaining(artifact.name())
                .hasMessageContaining("reading stopped after " + artifact.size() / 2 + " of " + artifact.size() + " bytes")
                .hasMessageContaining("connection reset by the test")
                .hasMessageNotContaining("truncated");
        assertThat(fresh).doesNotExist();

        RestoreResult again = PlanB.restore(request(fresh).build());
        assertThat(again.matchesManifest()).isTrue();
        assertThat(SampleDb.content(fresh)).isEqualTo(SampleDb.content(db));
    }

    /** Reads through until {@code limit} bytes, then fails as a dropped connection does, and ends. */
    private static final class BreakingInputStream extends FilterInputStream {
        private long left;
        private boolean broken;

        BreakingInputStream(InputStream in, long limit) {
            super(in);
            left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (broken) {
                return -1;
            }
            if (left == 0) {
                broken = true;
                throw new IOException("connection reset by the test");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }

    @Test
    void aMissingArtifactIsReportedAsCorrupt() throws Exception {
        BackupResult backup = backup(Compression.ZSTD);
        Files.delete(storedArtifact(backup));

        assertFails(() -> PlanB.restore(request(tmp.resolve("fresh.db")).build()), ErrorCode.CORRUPT_BACKUP)
                .hasMessageContaining("missing");
    }

    @Test
    void unknownOrInvalidBackupsAndPlansAreRejected() throws Exception {
        backup(Compression.ZSTD);
        Path target = tmp.resolve("fresh.db");

        assertFails(() -> PlanB.restore(request(target).backup("20200101T000000Z-abcdef").build()),
                ErrorCode.BACKUP_NOT_FOUND).hasMessageContaining("20200101T000000Z-abcdef");
        assertFails(() -> PlanB.restore(request(target).backup("../../etc").build()), ErrorCode.INVALID_SETTING);
        assertFails(() -> PlanB.restore(request(target).plan("other").build()), ErrorCode.BACKUP_NOT_FOUND)
                .hasMessageContaining("other");
        assertThat(target).doesNotExist();
    }

    @Test
    void anSqliteBackupCannotBeRestoredIntoH2() throws Exception {
        backup(Compression.ZSTD);
        Path h2 = tmp.resolve("h2db");

        assertFails(() -> PlanB.restore(RestoreRequest.builder().from(destination)
                .target(DatabaseSource.of("jdbc:h2:" + h2)).build()), ErrorCode.INVALID_SETTING)
                .hasMessageContaining("sqlite");
        assertThat(tmp.resolve("h2db.mv.db")).doesNotExist();
    }

    private BackupResult backup(Compression compression) {
        return PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .compression(compression).destination(destination).build());
    }

    private RestoreRequest.Builder request(Path target) {
        return RestoreRequest.builder().from(destination).plan("app").target(DatabaseSource.of(SampleDb.url(target)));
    }

    private Path storedArtifact(BackupResult backup) {
        Manifest manifest = backup.manifest();
        return destination.root().resolve(manifest.plan()).resolve(manifest.backupId())
                .resolve(manifest.artifacts().get(0).name());
    }

    private Path existingDatabase() throws Exception {
        Path file = tmp.resolve("existing.db");
        SampleDb.execute(file, "CREATE TABLE keep (id INTEGER PRIMARY KEY, note TEXT)");
        SampleDb.execute(file, "INSERT INTO keep (note) VALUES ('precious')");
        return file;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(ThrowingCallable call, ErrorCode code) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
