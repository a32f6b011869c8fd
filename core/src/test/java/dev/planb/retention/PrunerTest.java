package dev.planb.retention;

import static dev.planb.retention.Histories.PLAN;
import static dev.planb.retention.Histories.backup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.Destination;
import dev.planb.ObjectWriter;
import dev.planb.PlanB;
import dev.planb.StoredObject;
import dev.planb.catalog.Layout;
import dev.planb.catalog.Manifest;
import dev.planb.destination.LocalDirectoryDestination;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final RetentionPolicy KEEP_TWO = RetentionPolicy.builder().keepLast(2).build();

    @TempDir
    Path tmp;
    LocalDirectoryDestination local;
    List<Manifest> history;

    @BeforeEach
    void storeFourBackups() throws IOException {
        local = new LocalDirectoryDestination(tmp);
        history = List.of(backup("2026-11-25T11:00:00Z"), backup("2026-11-25T10:00:00Z"),
                backup("2026-11-25T09:00:00Z"), backup("2026-11-25T08:00:00Z"));
        for (Manifest manifest : history) {
            Histories.store(local, manifest);
        }
    }

    @Test
    void deletesTheForgottenBackupsCompletelyAndKeepsTheRest() throws IOException {
        PruneReport report = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.DELETED, PruneOutcome.DELETED);
        assertThat(report.deleted()).containsExactly(history.get(2).id(), history.get(3).id());
        assertThat(report.kept()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1));
        assertThat(local.list(Layout.backupFolder(PLAN, history.get(2).id()))).isEmpty();
        assertThat(local.list(Layout.backupFolder(PLAN, history.get(0).id()))).hasSize(3);

        PruneReport again = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, false);
        assertThat(again.deleted()).isEmpty();
        assertThat(again.kept()).isEqualTo(2);
    }

    @Test
    void aDryRunDeletesNothing() {
        PruneReport report = new Pruner(local).prune(PLAN, KEEP_TWO, NOW, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.WOULD_DELETE, PruneOutcome.WOULD_DELETE);
        assertThat(report.backups().get(0).reasons()).containsExactly("newest", "last #1");
        assertThat(PlanB.catalog(local).backups(PLAN)).hasSize(4);
    }

    @Test
    void theManifestGoesFirstSoAHalfDeletedBackupIsNeverListed() {
        List<String> deletes = new ArrayList<>();
        Destination failsAfterFirstDelete = new Wrapper(local) {
            @Override
            public void delete(String key) throws IOException {
                deletes.add(key);
                if (deletes.size() > 1) {
                    throw new IOException("disk went away");
                }
                super.delete(key);
            }
        };

        PruneReport report = new Pruner(failsAfterFirstDelete).prune(PLAN, RetentionPolicy.builder().keepLast(3).build(),
                NOW, false);

        assertThat(deletes.get(0)).isEqualTo(Layout.manifestKey(PLAN, history.get(3).id()));
        assertThat(report.deleted()).containsExactly(history.get(3).id());
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1), history.get(2));
    }

    @Test
    void aDestinationThatCannotDeleteSaysSoAndKeepsEverything() {
        Destination writeOnly = new Wrapper(local) {
            @Override
            public boolean canDelete() {
                return false;
            }

            @Override
            public void delete(String key) {
                throw new AssertionError("must not be called");
            }
        };

        PruneReport report = new Pruner(writeOnly).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.NOT_PERMITTED, PruneOutcome.NOT_PERMITTED);
        assertThat(report.problems()).hasSize(2).allMatch(problem -> problem.endsWith(": not permitted: "
                + local.description() + " refuses deletes; expire old backups with a lifecycle rule on the storage"));
        assertThat(PlanB.catalog(local).backups(PLAN)).hasSize(4);
    }

    @Test
    void aBackupUnderLockIsRetainedUntilItsLockEnds() {
        Instant lockedUntil = NOW.plusSeconds(86400);
        String lockedArtifact = Layout.key(PLAN, history.get(3).id(), "database.sqlite.zst");
        Destination locking = new Wrapper(local) {
            @Override
            public Optional<Instant> retainedUntil(String key) {
                if (key.equals(lockedArtifact)) {
                    return Optional.of(lockedUntil);
                }
                // Locks that have expired do not count.
                return Optional.of(NOW.minusSeconds(1));
            }
        };

        PruneReport report = new Pruner(locking).prune(PLAN, KEEP_TWO, NOW, false);

        assertThat(report.backups()).extracting(PrunedBackup::outcome).containsExactly(PruneOutcome.KEEP,
                PruneOutcome.KEEP, PruneOutcome.DELETED, PruneOutcome.RETAINED);
        assertThat(report.backups().get(3).detail()).isEqualTo("retained until " + lockedUntil
                + " by the storage's lock; it will be deleted by a prune after that");
        assertThat(PlanB.catalog(local).backups(PLAN)).containsExactly(history.get(0), history.get(1), history.get(3));
    }

    /** Delegates everything to another destination; tests override what they change. */
    private static class Wrapper implements Destination {
        private final Destination inner;

        Wrapper(Destination inner) {
            this.inner = inner;
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public ObjectWriter create(String key) throws IOException {
            return inner.create(key);
        }

        @Override
        public InputStream open(String key) throws IOException {
            return inner.open(key);
        }

        @Override
        public List<StoredObject> list(String prefix) throws IOException {
            return inner.list(prefix);
        }

        @Override
        public void delete(String key) throws IOException {
            inner.delete(key);
        }

        @Override
        public boolean canDelete() {
            return inner.canDelete();
        }

        @Override
        public Optional<Instant> retainedUntil(String key) throws IOException {
            return inner.retainedUntil(key);
        }
    }
}
