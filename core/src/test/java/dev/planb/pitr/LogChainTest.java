/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.catalog.ManifestWriter;
import dev.planb.spi.BackupId;
import dev.planb.catalog.DamagedBackupException;
import dev.planb.catalog.Catalog;
import dev.planb.crypto.Decryption;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.engine.postgres.PostgresEngine;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest.Artifact;
import dev.planb.spi.Manifest.EngineInfo;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.RecoveryTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a point-in-time restore picks its chain from the manifests on a destination. */
class LogChainTest {

    private static final String PLAN = "app";
    private static final long SEGMENT = 16 * 1024 * 1024;
    private static final Instant T0 = Instant.parse("2026-12-05T07:00:00Z");

    @TempDir
    Path tmp;

    private LocalDirectoryDestination destination;
    private final PostgresEngine engine = new PostgresEngine();

    @BeforeEach
    void destination() {
        destination = new LocalDirectoryDestination(tmp);
    }

    @Test
    void takesTheNewestBaseFinishedBeforeTheTargetAndEveryFileAfterIt() throws IOException {
        Manifest older = base(T0, "000000010000000000000002");
        Manifest newer = base(T0.plusSeconds(600), "000000010000000000000006");
        log(older, T0.plusSeconds(60), "000000010000000000000002", false, 100);
        log(older, T0.plusSeconds(120), "000000010000000000000003", false, 100);
        log(older, T0.plusSeconds(700), "000000010000000000000006", false, 100);
        log(newer, T0.plusSeconds(800), "000000010000000000000007", true, 100);

        LogChain atFiveMinutes = select(RecoveryTarget.time(T0.plusSeconds(300)));
        assertThat(atFiveMinutes.base().backupId()).isEqualTo(older.backupId());
        assertThat(files(atFiveMinutes)).containsExactly("000000010000000000000002", "000000010000000000000003");
        assertThat(atFiveMinutes.warnings()).anySatisfy(warning -> assertThat(warning).contains("gap")
                .contains("000000010000000000000003"));

        LogChain latest = select(RecoveryTarget.latest());
        assertThat(latest.base().backupId()).isEqualTo(newer.backupId());
        assertThat(files(latest)).containsExactly("000000010000000000000006", "000000010000000000000007");
        assertThat(latest.warnings()).isEmpty();
        assertThat(latest.coveredUntil()).isEqualTo(T0.plusSeconds(800));
    }

    @Test
    void aCompleteShipmentWinsOverPartialOnesAndTheLongestPartialOverShorterOnes() throws IOException {
        Manifest base = base(T0, "000000010000000000000002");
        log(base, T0.plusSeconds(30), "000000010000000000000002", true, 10);
        Manifest complete = log(base, T0.plusSeconds(60), "000000010000000000000002", false, 100);
        log(base, T0.plusSeconds(90), "000000010000000000000003", true, 50);
        Manifest longest = log(base, T0.plusSeconds(120), "000000010000000000000003", true, 80);

        LogChain chain = select(RecoveryTarget.latest());
        assertThat(chain.logs()).extracting(Manifest::backupId).containsExactly(complete.backupId(), longest.backupId());
    }

    @Test
    void aTargetBeyondTheShippedLogIsRestoredWithAWarning() throws IOException {
        Manifest base = base(T0, "000000010000000000000002");
        log(base, T0.plusSeconds(30), "000000010000000000000002", true, 10);

        LogChain chain = select(RecoveryTarget.time(T0.plusSeconds(3600)));
        assertThat(chain.warnings()).anySatisfy(warning -> assertThat(warning).contains("not in the backups"));
    }

    @Test
    void aDamagedLogFileStopsLatestAndIsNamedForAnEarlierTime() throws IOException {
        Manifest base = base(T0, "000000010000000000000002");
        log(base, T0.plusSeconds(60), "000000010000000000000002", false, 100);
        Manifest damaged = log(base, T0.plusSeconds(120), "000000010000000000000003", false, 100);
        Path manifest = tmp.resolve(Layout.manifestKey(PLAN, damaged.id()));
        Files.writeString(manifest, Files.readString(manifest).replace("000000010000000000000003", "000000010000000000000004"));

        assertThatThrownBy(() -> select(RecoveryTarget.latest())).isInstanceOfSatisfying(DamagedBackupException.class,
                e -> assertThat(e.damaged().id()).isEqualTo(damaged.id()))
                .hasMessageContaining("Backup " + damaged.backupId() + " of plan 'app'")
                .hasMessageContaining("is DAMAGED").hasMessageContaining("--at TIME");
        LogChain before = select(RecoveryTarget.time(T0.plusSeconds(90)));
        assertThat(files(before)).containsExactly("000000010000000000000002");
        assertThat(before.warnings()).noneSatisfy(warning -> assertThat(warning).contains("DAMAGED"));
        LogChain after = select(RecoveryTarget.time(T0.plusSeconds(600)));
        assertThat(after.warnings()).anySatisfy(warning -> assertThat(warning).contains("backup " + damaged.backupId()
                + " is DAMAGED"));
    }

    @Test
    void noChainOrATargetBeforeTheFirstBaseIsRefusedSayingWhy() throws IOException {
        assertThatThrownBy(() -> select(RecoveryTarget.latest())).isInstanceOf(PlanBException.class)
                .hasMessageContaining("planb stream")
                .satisfies(e -> assertThat(((PlanBException) e).code()).isEqualTo(ErrorCode.BACKUP_NOT_FOUND));
        base(T0, "000000010000000000000002");
        assertThatThrownBy(() -> select(RecoveryTarget.time(T0.minusSeconds(60)))).isInstanceOf(PlanBException.class)
                .hasMessageContaining("choose a later time");
    }

    private LogChain select(RecoveryTarget target) {
        return LogChain.select(new Catalog(destination), PLAN, engine, target, Decryption.none());
    }

    private static List<String> files(LogChain chain) {
        return chain.logs().stream().map(log -> log.log().file()).toList();
    }

    private Manifest base(Instant start, String firstFile) throws IOException {
        return store(new Manifest(Manifest.FORMAT_VERSION, PLAN, BackupId.generate(start).value(), Manifest.KIND_BASE,
                null, new EngineInfo("postgresql", "15.18", "pg_basebackup", "15.18"), "jdbc:postgresql://db/app", start,
                start.plusSeconds(5), List.of(artifact("base.tar.zst", 1000)), List.of(), "test", List.of(), List.of(),
                new LogInfo("wal", firstFile, 0, false, SEGMENT)));
    }

    private Manifest log(Manifest base, Instant start, String file, boolean partial, long size) throws IOException {
        return store(new Manifest(Manifest.FORMAT_VERSION, PLAN, BackupId.generate(start).value(), Manifest.KIND_LOG,
                base.backupId(), base.engine(), base.database(), start, start.plusSeconds(1),
                List.of(artifact(file + (partial ? ".partial" : "") + ".zst", size)), List.of(), "test", List.of(),
                List.of(), new LogInfo("wal", file, 0, partial, SEGMENT)));
    }

    private static Artifact artifact(String name, long size) {
        return new Artifact(name, size / 10, "0".repeat(64), "zstd", "none", size);
    }

    private Manifest store(Manifest manifest) throws IOException {
        try (ObjectWriter out = destination.create(Layout.manifestKey(PLAN, manifest.id()))) {
            out.write(ManifestWriter.write(manifest));
            out.commit();
        }
        return manifest;
    }
}
