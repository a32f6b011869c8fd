/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.ArrayList;
import java.util.Comparator;
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

    /** Ticks every runtime test spans at least, counted from when all its runtimes are proven running. */
    protected static final int TICKS = 11;

    /**
     * The runtime tests' schedule. Two seconds, not one: on a loaded machine a run starts a second or more after its
     * tick, and the liveness check allows a run two ticks of delay before it calls a tick lost.
     */
    protected static final Duration TICK = Duration.ofSeconds(2);

    /** However loaded the machine, the runtime tests stop waiting for their ticks and backups after this. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    /** For a lock's test, which extends this class. */
    protected AbstractPlanLockContractTest() {
    }

    /**
     * {@return a new database with at least one table, different on every call} The runtime tests back it up
     * every {@link #TICK}, so keep it small.
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
        Instant start;
        Instant end;
        try {
            for (int i = 0; i < 3; i++) {
                runtimes.add(PlanB.builder().plan(plan(database, destination, lock(database))).start());
            }
            start = awaitTicks(destination);
            end = Instant.now();
        } finally {
            runtimes.forEach(PlanB::close);
        }
        assertOneBackupPerTick(destination, start, end);
    }

    @Test
    void twoJvmsMakeOneBackupPerTick() throws Exception {
        DatabaseSource database = newDatabase();
        Path destination = tmp.resolve("backups-" + UUID.randomUUID());
        Process other = startOtherJvm(database, destination);
        Instant start;
        Instant end;
        try (Writer toOther = other.outputWriter(StandardCharsets.UTF_8);
                BufferedReader fromOther = other.inputReader(StandardCharsets.UTF_8)) {
            toOther.write(String.join("\n", database.jdbcUrl(), database.userName().orElse(""),
                    database.passwordSecret().map(secret -> secret.reveal()).orElse(""), "app",
                    destination.toString(), String.valueOf(TICK.toSeconds())) + "\n");
            toOther.flush();
            assertThat(fromOther.readLine()).isEqualTo("started");
            try (PlanB here = PlanB.builder().plan(plan(database, destination, PlanLocks.defaultFor(database))).start()) {
                // Counted from here: the other JVM's start-up, however slow, is no tick anybody could have run.
                start = awaitTicks(destination);
                end = Instant.now();
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
        assertOneBackupPerTick(destination, start, end);
    }

    private static BackupPlan plan(DatabaseSource database, Path destination, PlanLock lock) {
        return BackupPlan.builder("app").database(database).destination(new LocalDirectoryDestination(destination))
                .schedule(Schedule.every(TICK).withoutCatchUp()).lock(lock).build();
    }

    /**
     * Waits, with every runtime started, for the first backup (the runtimes are then proven running, and past
     * their first, slowest run), then for {@link #TICKS} more ticks and at least {@code TICKS / 2} more backups:
     * a deadline set by progress, so a loaded machine makes the test slower, not red. After {@link #PATIENCE} it
     * stops waiting, and the checks name the ticks nobody ran.
     *
     * @return when the ticks to check begin: the first backup's start
     */
    private static Instant awaitTicks(Path destination) {
        Instant runtimesStarted = Instant.now();
        Instant start = await("a first backup").atMost(PATIENCE).until(
                () -> backups(destination).stream().map(Manifest::startedAt).filter(runtimesStarted::isBefore)
                        .min(Comparator.naturalOrder()), Optional::isPresent).orElseThrow();
        Instant enough = start.plus(TICK.multipliedBy(TICKS));
        Instant giveUp = start.plus(PATIENCE);
        await(TICKS + " ticks and " + TICKS / 2 + " backups").atMost(PATIENCE.plus(PATIENCE)).pollInterval(TICK)
                .until(() -> Instant.now().isAfter(giveUp)
                        || Instant.now().isAfter(enough) && backupsSince(destination, start) >= TICKS / 2);
        return start;
    }

    private static long backupsSince(Path destination, Instant start) {
        return backups(destination).stream().filter(backup -> backup.startedAt().isAfter(start)).count();
    }

    private static List<Manifest> backups(Path destination) {
        return PlanB.catalog(new LocalDirectoryDestination(destination)).backups("app");
    }

    /** The tick a backup belongs to: the last one at or before its start, as the runtimes see it. */
    private static Instant tickOf(Manifest backup) {
        long tick = TICK.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(backup.id().time().toEpochMilli(), tick) * tick);
    }

    private Process startOtherJvm(DatabaseSource database, Path destination) throws IOException {
        Files.createDirectories(destination);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ScheduledRuntimeProcess.class.getName());
        return new ProcessBuilder(command).redirectError(tmp.resolve("other-jvm.log").toFile()).start();
    }

    /**
     * Safety: no tick has two backups (a backup belongs to the last tick at or before its start). Liveness: every
     * tick from the first backup with all runtimes running to two ticks before the end has its backup, or comes
     * while a backup is being made (then it is skipped, as a run that takes longer than the interval makes it, e.g.
     * a {@code pg_dump} on a loaded machine, or a run that started late and fell into the next tick); a tick with
     * neither means no instance ran it.
     */
    private static void assertOneBackupPerTick(Path destination, Instant start, Instant end) {
        List<Manifest> backups = backups(destination);
        Map<Instant, List<String>> perTick = new TreeMap<>(backups.stream().collect(Collectors.groupingBy(
                AbstractPlanLockContractTest::tickOf, Collectors.mapping(Manifest::backupId, Collectors.toList()))));
        assertThat(perTick).as("backups per tick").allSatisfy((tick, made) -> assertThat(made).hasSize(1));
        Instant last = end.minus(TICK.multipliedBy(2));
        List<Instant> idle = new ArrayList<>();
        for (Instant tick = Schedule.every(TICK).nextTick(start).orElseThrow(); !tick.isAfter(last);
                tick = tick.plus(TICK)) {
            Instant at = tick;
            // Taking the lock and listing come before a backup's start, writing manifests after its end.
            boolean busy = backups.stream().anyMatch(backup -> backup.startedAt().isBefore(at.plus(TICK).plus(TICK))
                    && backup.finishedAt().isAfter(at.minus(TICK)));
            if (!perTick.containsKey(tick) && !busy) {
                idle.add(tick);
            }
        }
        assertThat(idle).as("ticks nobody ran, with backups at " + perTick.keySet()).isEmpty();
        assertThat(backupsSince(destination, start)).as("backups made after the first")
                .isGreaterThanOrEqualTo(TICKS / 2);
    }
}
