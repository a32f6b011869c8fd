/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.lock.PlanLocks;
import dev.planb.schedule.Schedule;
import dev.planb.spi.Manifest;
import dev.planb.spi.PlanLock.Lease;
import dev.planb.spi.PlanLock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules every {@link PlanLock} follows, checked against a real database: one holder at a
 * time per plan, independent plans, release on close; and, end to end, several {@link PlanB}
 * runtimes on one plan and one database (in one JVM, and in two JVMs) make exactly one backup
 * per tick. A lock's test extends this class (ShedLock's lock-provider tests are the model):
 *
 * <pre>{@code
 * class PostgresAdvisoryLockContractTest extends AbstractPlanLockContractTest {
 *     protected DatabaseSource newDatabase() { return PostgresServer.shared().newDatabase(); }
 *     protected PlanLock lock(DatabaseSource database) { return new PostgresAdvisoryLock(database); }
 * }
 * }</pre>
 *
 * The two-JVM test runs {@link ScheduledRuntimeProcess}, which uses the database's default lock
 * ({@link PlanLocks#defaultFor(DatabaseSource)}), so it checks the lock a plan gets when none is set.
 */
public abstract class AbstractPlanLockContractTest {

    /** Ticks every runtime test spans. */
    protected static final int TICKS = 21;

    @TempDir
    Path tmp;

    /** For a lock's test, which extends this class. */
    protected AbstractPlanLockContractTest() {
    }

    /**
     * {@return a new database with at least one table, different on every call} The runtime tests back it up
     * once a second, so keep it small.
     *
     * @throws Exception when the database cannot be created; the test fails with it
     */
    protected abstract DatabaseSource newDatabase() throws Exception;

    /**
     * Makes the lock under test as another runtime would: two calls give two independent instances that must
     * exclude each other.
     *
     * @param database the database the lock lives in
     * @return a new instance of the lock; {@link PlanLocks#defaultFor(DatabaseSource) the database's default lock}
     *     unless overridden
     */
    protected PlanLock lock(DatabaseSource database) {
        return PlanLocks.defaultFor(database);
    }

    @Test
    void onlyOneHolderAtATimeUntilItReleases() throws Exception {
        DatabaseSource database = newDatabase();
        PlanLock first = lock(database);
        PlanLock second = lock(database);

        Optional<Lease> held = first.tryAcquire("app");
        assertThat(held).as("a free lock is taken").isPresent();
        assertThat(second.tryAcquire("app")).as("a held lock is refused, without waiting").isEmpty();
        assertThat(first.tryAcquire("app")).as("even to the same lock object").isEmpty();
        held.get().close();

        Optional<Lease> again = second.tryAcquire("app");
        assertThat(again).as("a released lock is free again").isPresent();
        again.get().close();
    }

    @Test
    void differentPlansDoNotExcludeEachOther() throws Exception {
        DatabaseSource database = newDatabase();
        try (Lease app = lock(database).tryAcquire("app").orElseThrow();
                Lease other = lock(database).tryAcquire("other").orElseThrow()) {
            assertThat(lock(database).tryAcquire("app")).isEmpty();
            assertThat(lock(database).tryAcquire("other")).isEmpty();
        }
    }

    @Test
    void threeRuntimesInOneJvmMakeOneBackupPerTick() throws Exception {
        DatabaseSource database = newDatabase();
        Path destination = tmp.resolve("backups-" + UUID.randomUUID());
        List<PlanB> runtimes = new ArrayList<>();
        Instant start = Instant.now();
        try {
            for (int i = 0; i < 3; i++) {
                runtimes.add(PlanB.builder().plan(plan(database, destination, lock(database))).start());
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(TICKS + 1));
        } finally {
            runtimes.forEach(PlanB::close);
        }
        assertOneBackupPerTick(destination, start, Instant.now());
    }

    @Test
    void twoJvmsMakeOneBackupPerTick() throws Exception {
        DatabaseSource database = newDatabase();
        Path destination = tmp.resolve("backups-" + UUID.randomUUID());
        Process other = startOtherJvm(database, destination);
        Instant start = Instant.now();
        try (Writer toOther = other.outputWriter(StandardCharsets.UTF_8);
                BufferedReader fromOther = other.inputReader(StandardCharsets.UTF_8)) {
            toOther.write(String.join("\n", database.jdbcUrl(), database.userName().orElse(""),
                    database.passwordSecret().map(secret -> secret.reveal()).orElse(""), "app",
                    destination.toString(), "1") + "\n");
            toOther.flush();
            assertThat(fromOther.readLine()).isEqualTo("started");
            try (PlanB here = PlanB.builder().plan(plan(database, destination, PlanLocks.defaultFor(database))).start()) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(TICKS + 1));
            }
            toOther.write("stop\n");
            toOther.flush();
            assertThat(fromOther.readLine()).isEqualTo("stopped");
        } finally {
            if (!other.waitFor(30, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
        assertThat(other.exitValue()).isZero();
        assertOneBackupPerTick(destination, start, Instant.now());
    }

    private static BackupPlan plan(DatabaseSource database, Path destination, PlanLock lock) {
        return BackupPlan.builder("app").database(database).destination(new LocalDirectoryDestination(destination))
                .schedule(Schedule.every(Duration.ofSeconds(1)).withoutCatchUp()).lock(lock).build();
    }

    private Process startOtherJvm(DatabaseSource database, Path destination) throws IOException {
        Files.createDirectories(destination);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ScheduledRuntimeProcess.class.getName());
        return new ProcessBuilder(command).redirectError(tmp.resolve("other-jvm.log").toFile()).start();
    }

    /**
     * Safety: no tick has two backups (a backup belongs to the tick of its id's second). Liveness:
     * every tick between the start (after a few seconds of warm-up) and the end has its backup, or
     * comes while a backup is being made (then it is skipped, as a run that takes longer than the
     * interval makes it, e.g. a {@code pg_dump} on a loaded machine, or a run that started late
     * and whose id fell into the next second); a tick with neither means no instance ran it.
     */
    private static void assertOneBackupPerTick(Path destination, Instant start, Instant end) {
        List<Manifest> backups = PlanB.catalog(new LocalDirectoryDestination(destination)).backups("app");
        Map<Instant, List<String>> perTick = new TreeMap<>(backups.stream().collect(Collectors.groupingBy(
                backup -> backup.id().time(), Collectors.mapping(Manifest::backupId, Collectors.toList()))));
        assertThat(perTick).as("backups per tick").allSatisfy((tick, made) -> assertThat(made).hasSize(1));
        Instant first = start.truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Instant last = end.truncatedTo(ChronoUnit.SECONDS).minusSeconds(2);
        List<Instant> idle = new ArrayList<>();
        for (Instant tick = first; !tick.isAfter(last); tick = tick.plusSeconds(1)) {
            Instant at = tick;
            // Taking the lock and listing come before a backup's start, writing manifests after its end.
            boolean busy = backups.stream().anyMatch(backup -> backup.startedAt().isBefore(at.plusSeconds(2))
                    && backup.finishedAt().isAfter(at.minusSeconds(1)));
            if (!perTick.containsKey(tick) && !busy) {
                idle.add(tick);
            }
        }
        assertThat(idle).as("ticks nobody ran, with backups at " + perTick.keySet()).isEmpty();
        assertThat(backups).as("backups made").hasSizeGreaterThanOrEqualTo(TICKS / 4);
    }
}
