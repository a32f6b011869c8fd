package dev.planb.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.catalog.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.SqliteEngine;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreVerifierTest {

    @TempDir
    Path tmp;
    Path db;
    LocalDirectoryDestination destination;
    BackupResult backup;
    String artifact;

    @BeforeEach
    void backUp() throws Exception {
        db = tmp.resolve("app.db");
        SampleDb.create(db);
        destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        backup = PlanB.backup(BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).build());
        artifact = backup.manifest().artifacts().get(0).name();
    }

    @Test
    void aSoundBackupPasses() {
        VerificationResult result = new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty());

        assertThat(result.passed()).isTrue();
        assertThat(result.manifest()).isEqualTo(backup.manifest());
        assertThat(result.checkedArtifacts()).singleElement().asString().endsWith(artifact);
        assertThat(result.restoredInto()).isNull();
    }

    @Test
    void aFlippedByteFailsNamingTheFile() throws Exception {
        Manifest manifest = backup.manifest();
        SampleDb.flipMiddleByte(destination.root().resolve("app").resolve(manifest.backupId()).resolve(artifact));

        VerificationResult result = new RestoreVerifier(destination)
                .verify(Optional.of("app"), manifest.backupId(), Optional.empty());

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains(artifact);
    }

    @Test
    void restoringIntoAScratchDatabasePassesWithMatchingCounts() throws Exception {
        Path scratch = tmp.resolve("scratch.db");
        DatabaseSource target = DatabaseSource.of(SampleDb.url(scratch));

        VerificationResult result = new RestoreVerifier(destination).verify(Optional.of("app"), "latest", Optional.of(target));

        assertThat(result.passed()).isTrue();
        assertThat(result.restoredInto()).isEqualTo(target.redactedUrl());
        assertThat(new SqliteEngine().tableCounts(target)).isEqualTo(backup.manifest().tables());
        assertThat(SampleDb.content(scratch)).isEqualTo(SampleDb.content(db));
    }
}
