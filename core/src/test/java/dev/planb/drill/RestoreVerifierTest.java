/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.ErrorCode;
import dev.planb.PlanB;
import dev.planb.PlanBException;
import dev.planb.SampleDb;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Manifest;
import dev.planb.verify.VerificationLog;
import dev.planb.verify.VerificationRequest;
import dev.planb.verify.VerificationResult;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void drillingRestoresIntoATemporaryScratchFileWithMatchingCountsAndRemovesIt() {
        DatabaseSource server = DatabaseSource.of(SampleDb.url(tmp.resolve("ignored.db")));

        VerificationResult result = new RestoreVerifier(destination).verify(Optional.of("app"), "latest", Optional.of(server));

        assertThat(result.passed()).isTrue();
        assertThat(result.restoredInto()).startsWith("planb_verify_");
        assertThat(result.rowCountsMatch()).isTrue();
        assertThat(result.restoredTables()).isEqualTo(backup.manifest().tables());
        assertThat(result.recovery()).isPresent();
        assertThat(Path.of(System.getProperty("java.io.tmpdir"), result.restoredInto())).doesNotExist();
        assertThat(tmp.resolve("ignored.db")).doesNotExist();
    }

    @Test
    void anExplicitTargetIsUsedOnlyWhenAllowed() throws Exception {
        Path target = tmp.resolve("drill-target.db");
        VerificationRequest.Builder request = VerificationRequest.builder().plan("app");

        assertThatThrownBy(() -> new RestoreVerifier(destination).verify(request.restoreInto(
                DatabaseSource.of(SampleDb.url(target)), false).build()))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RESTORE_REFUSED));
        assertThat(target).doesNotExist();

        VerificationResult result = new RestoreVerifier(destination)
                .verify(request.restoreInto(DatabaseSource.of(SampleDb.url(target)), true).build());
        assertThat(result.passed()).isTrue();
        assertThat(SampleDb.content(target)).isEqualTo(SampleDb.content(db));
    }

    @Test
    void everyVerificationIsRecordedBesideTheBackupAndTheCatalogIgnoresIt() {
        new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty());

        assertThat(new VerificationLog(destination).entries("app")).singleElement()
                .satisfies(entry -> assertThat(entry.backupId()).isEqualTo(backup.id()));
        assertThat(PlanB.catalog(destination).backups("app")).containsExactly(backup.manifest());
    }

    @ParameterizedTest(name = "compression {0} where the bytes are zstd")
    @ValueSource(strings = {"none", "gzip"})
    void aManifestThatMisstatesTheCompressionFailsVerificationAsCorruption(String claimed) throws Exception {
        SampleDb.rewriteManifest(manifestFile(), json -> json.replace("\"compression\" : \"zstd\"",
                "\"compression\" : \"" + claimed + "\""));

        VerificationResult result = new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty());

        assertThat(result.passed()).isFalse();
        assertThat(result.restoredInto()).isNull();
        assertThat(result.problems()).singleElement().asString().contains(artifact, "the manifest says it is",
                "but its bytes are zstd-compressed");
    }

    @Test
    void aManifestThatMisstatesTheDumpSizeFailsVerification() throws Exception {
        long dumpSize = backup.manifest().databaseArtifact().dumpSize();
        SampleDb.rewriteManifest(manifestFile(), json -> json.replace("\"dumpSize\" : " + dumpSize,
                "\"dumpSize\" : " + (dumpSize + 1)));

        VerificationResult result = new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty());

        assertThat(result.passed()).isFalse();
        assertThat(result.problems()).singleElement().asString().contains(artifact, "decompresses to " + dumpSize
                + " bytes, but the manifest records a dump of " + (dumpSize + 1) + " bytes");
    }

    @Test
    void anUnknownCompressionOrFormatMakesTheManifestDamagedNotAUsageError() throws Exception {
        SampleDb.rewriteManifest(manifestFile(), json -> json.replace("\"compression\" : \"zstd\"",
                "\"compression\" : \"zstx\""));

        assertThatThrownBy(() -> new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty()))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DAMAGED_BACKUP))
                .hasMessageContaining("unknown compression 'zstx'");

        SampleDb.rewriteManifest(manifestFile(), json -> json.replace("\"zstx\"", "\"zstd\"")
                .replace("\"formatVersion\" : 2", "\"formatVersion\" : 0"));
        assertThatThrownBy(() -> new RestoreVerifier(destination).verify(Optional.empty(), "latest", Optional.empty()))
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DAMAGED_BACKUP))
                .hasMessageContaining("has no valid formatVersion");
    }

    private Path manifestFile() {
        return destination.root().resolve(Layout.manifestKey("app", backup.id()));
    }
}
