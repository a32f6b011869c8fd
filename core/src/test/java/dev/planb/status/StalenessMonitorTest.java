/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.BackupResult;
import dev.planb.DatabaseSource;
import dev.planb.MutableClock;
import dev.planb.PlanB;
import dev.planb.SampleDb;
import dev.planb.catalog.ManifestWriter;
import dev.planb.spi.BackupId;
import dev.planb.catalog.DamagedBackup;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.BackupDamaged;
import dev.planb.event.BackupStale;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.PlanBEvent;
import dev.planb.spi.BackupId;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.ObjectWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StalenessMonitorTest {

    @TempDir
    Path tmp;

    List<PlanBEvent> published = new ArrayList<>();

    @Test
    void aPlanWithoutARecentBackupIsStaleOnceUntilTheNextBackup() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(new LocalDirectoryDestination(tmp.resolve("backups"))).maxAge(Duration.ofHours(26)).build();
        BackupResult stored = PlanB.backup(plan);
        Instant finished = stored.manifest().finishedAt();
        MutableClock clock = new MutableClock(finished.plus(Duration.ofHours(25)));
        StatusBoard board = new StatusBoard(clock);
        board.track(plan); // no run happens from here on: the scheduler is stopped, or the app was down
        StalenessMonitor monitor = new StalenessMonitor(board, published::add, clock);

        assertThat(monitor.check()).isEmpty();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        List<BackupStale> raised = monitor.check();

        assertThat(raised).containsExactly(new BackupStale("app", clock.instant(), Optional.of(finished),
                Duration.ofHours(26)));
        assertThat(published).isEqualTo(raised);
        assertThat(board.status("app").orElseThrow().state()).isEqualTo(PlanState.STALE);
        clock.advance(Duration.ofHours(5));
        assertThat(monitor.check()).as("one event per stale spell").isEmpty();

        board.onEvent(new BackupSucceeded("app", clock.instant(), stored, Duration.ofSeconds(1)));
        assertThat(board.status("app").orElseThrow().state()).isEqualTo(PlanState.IDLE);
        assertThat(monitor.check()).isEmpty();
        clock.advance(Duration.ofHours(27));
        assertThat(monitor.check()).extracting(BackupStale::lastSuccess).containsExactly(Optional.of(clock.instant()
                .minus(Duration.ofHours(27))));
        assertThat(published).hasSize(2);
    }

    @Test
    void aPlanThatShipsItsLogIsNotStaleThoughItsLastDumpIs() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).maxAge(Duration.ofHours(1)).build();
        Manifest chainStart = PlanB.backup(plan).manifest();
        MutableClock clock = new MutableClock(chainStart.finishedAt().plus(Duration.ofMinutes(30)));
        StatusBoard board = new StatusBoard(clock);
        board.track(plan);
        StalenessMonitor monitor = new StalenessMonitor(board, published::add, clock);

        // The log is shipped without events (by a streamer, or another instance) every half hour.
        for (int i = 1; i <= 4; i++) {
            clock.advance(Duration.ofMinutes(30));
            Manifest log = shipLog(destination, chainStart, clock.instant().minusSeconds(2), i);
            clock.advance(Duration.ofMinutes(31));
            assertThat(monitor.check()).isEmpty();
            assertThat(board.status("app").orElseThrow().lastSuccess().orElseThrow().id()).isEqualTo(log.id());
            clock.advance(Duration.ofMinutes(-31));
        }

        clock.advance(Duration.ofMinutes(61)); // shipping stopped
        assertThat(monitor.check()).extracting(BackupStale::plan).containsExactly("app");
    }

    /** Stores a log backup of the chain {@code start} starts, as {@code LogStreamer} does, without an event. */
    private static Manifest shipLog(LocalDirectoryDestination destination, Manifest start, Instant at, int segment)
            throws Exception {
        BackupId id = BackupId.generate(at);
        Manifest log = new Manifest(Manifest.FORMAT_VERSION, "app", id.value(), Manifest.KIND_LOG, start.backupId(),
                start.engine(), start.database(), at, at.plusSeconds(1), start.artifacts(), List.of(), "test", List.of(),
                List.of(), new Manifest.LogInfo("wal", String.format("%024X", segment), 0, false, 16L << 20));
        try (ObjectWriter writer = destination.create(Layout.manifestKey("app", id))) {
            writer.write(ManifestWriter.write(log));
            writer.commit();
        }
        return log;
    }

    @Test
    void aPlanNeverBackedUpIsStaleOnceMaxAgeHasPassedSinceItWasTracked() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        StatusBoard board = new StatusBoard(clock);
        board.track("new-plan", Optional.of(Duration.ofHours(1)));
        board.track("unwatched", Optional.empty());
        StalenessMonitor monitor = new StalenessMonitor(board, published::add, clock);

        clock.advance(Duration.ofMinutes(59));
        assertThat(monitor.check()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(monitor.check()).containsExactly(new BackupStale("new-plan", clock.instant(), Optional.empty(),
                Duration.ofHours(1)));
        assertThat(board.status("unwatched").orElseThrow().state()).isEqualTo(PlanState.IDLE);
    }

    @Test
    void aFailingListenerDoesNotStopTheCheck() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
        StatusBoard board = new StatusBoard(clock);
        board.track("a", Optional.of(Duration.ofMinutes(1)));
        board.track("b", Optional.of(Duration.ofMinutes(1)));
        StalenessMonitor monitor = new StalenessMonitor(board, event -> {
            throw new IllegalStateException("listener bug");
        }, clock);

        clock.advance(Duration.ofMinutes(2));
        assertThat(monitor.check()).extracting(BackupStale::plan).containsExactly("a", "b");
    }

    @Test
    void aPlanWhoseNewestBackupIsDamagedIsDamagedOnTheBoardAndReportedOnce() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db)))
                .destination(destination).maxAge(Duration.ofHours(26)).build();
        BackupResult older = PlanB.backup(plan);
        BackupResult newest = PlanB.backup(plan);
        Path manifest = destination.root().resolve(Layout.manifestKey("app", newest.id()));
        Files.writeString(manifest, Files.readString(manifest).replace("\"rows\"", "\"rowz\""));
        MutableClock clock = new MutableClock(newest.manifest().finishedAt().plusSeconds(60));
        StatusBoard board = new StatusBoard(clock);
        board.track(plan);
        StalenessMonitor monitor = new StalenessMonitor(board, published::add, clock);

        PlanStatus status = board.status("app").orElseThrow();
        assertThat(status.state()).isEqualTo(PlanState.DAMAGED);
        assertThat(status.lastSuccess().orElseThrow().id()).isEqualTo(older.id());
        assertThat(status.newestDamaged()).extracting(DamagedBackup::id).containsExactly(newest.id());
        assertThat(monitor.check()).isEmpty(); // not stale
        monitor.check();
        assertThat(published).singleElement().isInstanceOfSatisfying(BackupDamaged.class, event -> {
            assertThat(event.backupId()).isEqualTo(newest.id());
            assertThat(event.destination()).isEqualTo(destination.description());
            assertThat(event.reason()).contains("manifest.json does not match its own checksum");
        });
    }
}
