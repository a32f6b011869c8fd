/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.spi.Finding.Severity;
import dev.planb.spi.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine-neutral part of a preflight, on SQLite: the default engine check, streaming, the report. */
class PreflightTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingDatabaseFileIsABlockerThatBlocksTheBackup() {
        PreflightReport report = Preflight.of(DatabaseSource.of("jdbc:sqlite:" + tmp.resolve("missing.db"))).run();

        assertThat(report.blocksBackup()).isTrue();
        assertThat(report.blockers()).singleElement().satisfies(finding -> assertThat(finding.message())
                .contains("missing.db does not exist"));
        assertThat(report.summary()).startsWith("1 blocker, 0 warnings");
    }

    @Test
    void aPlanOfAReadableDatabaseAndALocalFolderHasNoBlockerButWarnsThatBackupsCanBeDeleted() throws Exception {
        String url = SampleDb.create(tmp.resolve("app.db"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(url))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups"))).build();

        PreflightReport report = PlanB.preflight(plan);

        assertThat(report.blocksBackup()).isFalse();
        assertThat(report.findings()).extracting(Finding::severity).containsExactly(Severity.WARNING, Severity.OK);
        assertThat(report.warnings().get(0).message()).contains("these credentials can delete your backups");
        assertThat(report.summary()).isEqualTo("no blocker, 1 warning: nothing blocks a backup");
        assertThat(report.toString()).startsWith("WARNING  destination: ");
    }

    @Test
    void streamingOnAnEngineWithoutPointInTimeRecoveryIsABlocker() throws Exception {
        String url = SampleDb.create(tmp.resolve("app.db"));

        PreflightReport report = Preflight.of(DatabaseSource.of(url)).streaming(true).run();

        assertThat(report.blockers()).singleElement().satisfies(finding -> {
            assertThat(finding.check()).isEqualTo("streaming");
            assertThat(finding.message()).contains("sqlite engine has no point-in-time recovery");
        });
    }

    @Test
    void aUrlNoEngineHandlesIsABlockerNotAnException() {
        PreflightReport report = Preflight.of(DatabaseSource.of("jdbc:nosuchdb://host/db"))
                .destinations(List.of(new LocalDirectoryDestination(tmp.resolve("b")))).run();

        assertThat(report.blockers()).singleElement().satisfies(finding -> assertThat(finding.check()).isEqualTo("database"));
        assertThat(Files.exists(tmp.resolve("b"))).isTrue();
    }
}
