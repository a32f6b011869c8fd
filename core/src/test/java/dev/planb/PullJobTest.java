/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.planb.catalog.Catalog;
import dev.planb.destination.ForwardingDestination;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PullFailed;
import dev.planb.event.Pulled;
import dev.planb.pull.PullJob;
import dev.planb.pull.PullResult;
import dev.planb.pull.PulledBackup.Outcome;
import dev.planb.pull.PulledBackup;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Destination;
import dev.planb.hold.Holds;
import dev.planb.retention.LeftoverCleaner;
import dev.planb.retention.Pruner;
import dev.planb.retention.RetentionPolicy;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullJobTest {

    @TempDir
    Path tmp;
    LocalDirectoryDestination outbox;
    List<Manifest> made = new ArrayList<>();
    List<PlanBEvent> events = new ArrayList<>();

    @BeforeEach
    void threeBackupsInTheOutbox() throws Exception {
        Path db = tmp.resolve("app.db");
        SampleDb.create(db);
        outbox = new LocalDirectoryDestination(tmp.resolve("outbox"));
        BackupPlan plan = BackupPlan.builder("app").database(DatabaseSource.of(SampleDb.url(db))).destination(outbox).build();
        for (int i = 0; i < 3; i++) {
            made.add(PlanB.backup(plan).manifest());
        }
        // An interrupted run: an artifact without manifest is no backup and must not travel.
        Files.createDirectories(tmp.resolve("outbox/app/20200101T000000Z-abcdef"));
        Files.writeString(tmp.resolve("outbox/app/20200101T000000Z-abcdef/database.sqlite.zst"), "partial");
    }

    @Test
    void holdsAndReleasesTravelSoThePullHostsPrunerKeepsTheHeldBackup() throws Exception {
        LocalDirectoryDestination vault = new LocalDirectoryDestination(tmp.resolve("vault"));
        Manifest oldest = made.get(0);
        new Holds(outbox).place("app", oldest.id(), "before the deploy", Instant.now().plus(Duration.ofDays(1)));
        RetentionPolicy keepLastOne = RetentionPolicy.builder().keepLast(1).build();

        pull(true, vault); // the outbox is emptied: the holds have to travel with the backups

        assertThat(PlanB.catalog(outbox).backups("app")).isEmpty();
        assertThat(new Holds(vault).active("app", Instant.now())).singleElement()
                .satisfies(hold -> assertThat(hold.backupId()).isEqualTo(oldest.id()));
        assertThat(new Pruner(vault).prune("app", keepLastOne, Instant.now(), false).deleted())
                .containsExactly(made.get(1).id());
        assertThat(PlanB.catalog(vault).backups("app")).contains(oldest);

        // A destructive change seen after the pull took the backup away: the hold waits in the outbox for the pull.
        new Holds(vault).release("app", oldest.id(), "done");
        new Holds(outbox).placeForChange("app", oldest.id(), made.get(2).id(), List.of(),
                Instant.now().plus(Duration.ofDays(1)));
        new LeftoverCleaner(outbox).clean(null, Instant.now().plus(Duration.ofDays(1)), false);
        pull(false, vault);

        assertThat(new Holds(vault).active("app", Instant.now())).singleElement()
                .satisfies(hold -> assertThat(hold.changedIn()).contains(made.get(2).id()));
        assertThat(new Pruner(vault).prune("app", keepLastOne, Instant.now(), false).deleted()).isEmpty();
    }

    @Test
    void copiesEveryCompleteBackupVerbatimAndSkipsWhatTheTargetHas() throws Exception {
        LocalDirectoryDestination first = new LocalDirectoryDestination(tmp.resolve("first"));
        LocalDirectoryDestination second = new LocalDirectoryDestination(tmp.resolve("second"));

        PullResult result = pull(false, first, second);

        assertThat(result.copied()).extracting(PulledBackup::backupId).containsExactlyInAnyOrderElementsOf(
                made.stream().map(Manifest::id).toList());
        assertThat(result.isComplete()).isTrue();
        for (LocalDirectoryDestination target : List.of(first, second)) {
            assertThat(PlanB.catalog(target).backups("app")).containsExactlyInAnyOrderElementsOf(made);
            for (Manifest manifest : made) {
                Path folder = target.root().resolve(Layout.backupFolder("app", manifest.id()));
                assertThat(folder.resolve("manifest.json")).hasSameBinaryContentAs(
                        outbox.root().resolve(Layout.manifestKey("app", manifest.id())));
                assertThat(SampleDb.sha256(folder.resolve(manifest.artifacts().get(0).name())))
                        .isEqualTo(manifest.artifacts().get(0).sha256());
                assertThat(folder.resolve("RESTORE.md")).content().contains("--from " + target.description());
            }
            assertThat(target.root().resolve("app/20200101T000000Z-abcdef")).doesNotExist();
        }
        assertThat(events).hasSize(3).allSatisfy(event -> assertThat(event).isInstanceOfSatisfying(Pulled.class,
                pulled -> assertThat(pulled.to()).containsExactly(first.description(), second.description())));

        events.clear();
        PullResult again = pull(false, first, second);
        assertThat(again.backups()).hasSize(3).allSatisfy(backup ->
                assertThat(backup.outcome()).isEqualTo(Outcome.ALREADY_PRESENT));
        assertThat(events).isEmpty();
    }

    @Test
    void aBackupCorruptOnTheSourceIsReportedAndNotCopiedTheOthersAre() throws Exception {
        Manifest damaged = made.get(1);
        flipAByteOf(outbox.root().resolve(Catalog.artifactKey(damaged, damaged.artifacts().get(0))));
        LocalDirectoryDestination target = new LocalDirectoryDestination(tmp.resolve("target"));

        PullResult result = pull(true, target);

        assertThat(result.isComplete()).isFalse();
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.backupId()).isEqualTo(damaged.id());
            assertThat(failure.outcome()).isEqualTo(Outcome.CORRUPT);
            assertThat(failure.message()).contains("SHA-256 checksum mismatch", "was not copied");
        });
        assertThat(PlanB.catalog(target).backups("app")).containsExactlyInAnyOrder(made.get(0), made.get(2));
        assertThat(target.list(Layout.backupFolder("app", damaged.id()))).isEmpty();
        assertThat(events).filteredOn(PullFailed.class::isInstance).singleElement()
                .isInstanceOfSatisfying(PullFailed.class, failed -> assertThat(failed.code()).isEqualTo(ErrorCode.CORRUPT_BACKUP));
        // remove-copied took the verified two out of the outbox and left the damaged one for a person to look at.
        assertThat(PlanB.catalog(outbox).backups("app")).containsExactly(damaged);
        assertThat(outbox.root().resolve(Layout.backupFolder("app", made.get(0).id()))).doesNotExist();
    }

    @Test
    void aFailingTargetDoesNotStopTheOtherAndTheNextRunCompletesIt() throws Exception {
        LocalDirectoryDestination healthy = new LocalDirectoryDestination(tmp.resolve("healthy"));
        Destination failing = new BackupPipelineTest.FlakyDestination(tmp.resolve("flaky"), key -> key.endsWith(".zst"));

        PullResult result = pull(true, healthy, failing);

        assertThat(result.backups()).hasSize(3).allSatisfy(backup -> {
            assertThat(backup.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(backup.message()).contains("simulated write failure");
            assertThat(backup.removedFromSource()).isFalse();
        });
        assertThat(PlanB.catalog(healthy).backups("app")).hasSize(3);
        assertThat(new LocalDirectoryDestination(tmp.resolve("flaky")).list("")).isEmpty();
        assertThat(PlanB.catalog(outbox).backups("app")).hasSize(3);

        PullResult rerun = pull(true, healthy, new LocalDirectoryDestination(tmp.resolve("flaky")));

        assertThat(rerun.copied()).hasSize(3);
        assertThat(rerun.backups()).allSatisfy(backup -> assertThat(backup.removedFromSource()).isTrue());
        assertThat(PlanB.catalog(new LocalDirectoryDestination(tmp.resolve("flaky"))).backups("app"))
                .containsExactlyInAnyOrderElementsOf(made);
        assertThat(PlanB.catalog(outbox).backups()).isEmpty();
    }

    @Test
    void aDamagedManifestIsReportedAsCorrupt() throws Exception {
        Files.writeString(outbox.root().resolve(Layout.manifestKey("app", made.get(0).id())), "{\"plan\": \"app\"");
        LocalDirectoryDestination target = new LocalDirectoryDestination(tmp.resolve("target"));

        PullResult result = pull(false, target);

        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.outcome()).isEqualTo(Outcome.CORRUPT);
            assertThat(failure.message()).contains("manifest.json is DAMAGED (is not valid JSON", "was not copied");
        });
        assertThat(result.copied()).hasSize(2);
    }

    @Test
    void aScheduledPullRunsInTheRuntimeAndReportsToItsListeners() {
        LocalDirectoryDestination vault = new LocalDirectoryDestination(tmp.resolve("vault"));
        List<PlanBEvent> seen = new CopyOnWriteArrayList<>();
        PullJob pull = PullJob.builder().name("vault").from(outbox).to(vault)
                .schedule(Schedule.every(Duration.ofHours(1))).build();

        try (PlanB runtime = PlanB.builder().pull(pull).listener(seen::add).start()) {
            // The schedule's catch-up runs it at start-up, then every hour.
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 3);
            assertThat(runtime.plans()).isEmpty();
        }
        assertThat(seen).hasSize(3).allMatch(Pulled.class::isInstance);
        assertThat(PlanB.catalog(vault).backups("app")).containsExactlyInAnyOrderElementsOf(made);

        assertThatThrownBy(() -> PlanB.builder().pull(PullJob.builder().from(outbox).to(vault).build()).start())
                .hasMessageContaining("Pull 'pull' has no schedule");
    }

    @Test
    void badSettingsAreRefusedNamingThem() {
        assertThatThrownBy(() -> PullJob.builder().from(outbox).build()).hasMessageContaining("has no destination");
        assertThatThrownBy(() -> PullJob.builder().from(outbox).to(new LocalDirectoryDestination(tmp.resolve("outbox")))
                .build()).hasMessageContaining("given twice");
        Destination writeOnly = new ForwardingDestination(outbox) {
            @Override
            public String description() {
                return "write-only " + outbox.description();
            }

            @Override
            public void delete(String key) {
                throw new PlanBException(ErrorCode.DELETE_NOT_PERMITTED, "no deletes here");
            }

            @Override
            public boolean canDelete() {
                return false;
            }
        };
        assertThatThrownBy(() -> PullJob.builder().from(writeOnly).to(new LocalDirectoryDestination(tmp.resolve("t")))
                .removeCopied(true).build().run())
                .isInstanceOfSatisfying(PlanBException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining("refuses deletes");
    }

    private PullResult pull(boolean removeCopied, Destination... targets) {
        PullJob.Builder builder = PullJob.builder().from(outbox).removeCopied(removeCopied);
        for (Destination target : targets) {
            builder.to(target);
        }
        return builder.build().run(events::add);
    }

    private static void flipAByteOf(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 0xff);
        }
    }
}
