/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.BackupPlan;
import dev.planb.DatabaseSource;
import dev.planb.FakeEngine;
import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.event.LogStreamProblem;
import dev.planb.event.PlanBEvent;
import dev.planb.spi.DumpResult;
import dev.planb.spi.LogStream;
import dev.planb.spi.Manifest.LogInfo;
import dev.planb.spi.Manifest;
import dev.planb.spi.PointInTimeEngine;
import dev.planb.spi.RecoveredPoint;
import dev.planb.spi.RecoveryChain;
import dev.planb.spi.RecoveryDestination;
import dev.planb.spi.RecoveryTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipping logic of {@link LogStreamer}, on a real destination, with an engine whose "receiver" is
 * this test writing files into the session's folder (the real receivers run in the PostgreSQL and
 * MariaDB drills of planb-test-support).
 */
class LogStreamerTest {

    @TempDir
    Path tmp;

    private final List<Path> folders = new CopyOnWriteArrayList<>();
    private final List<PlanBEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void shipsCompleteFilesOnceThePartialOneWhenItChangesAndStartsANewChainAfterAGap() throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(DatabaseSource.of("jdbc:fakelog:app"))
                .engine(new FakeLogEngine()).destination(destination).build())
                .partialInterval(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(20)).listener(events::add).build();
        Thread thread = new Thread(streamer::run);
        thread.start();
        await(() -> folders.size() == 1);
        Path folder = folders.get(0);
        write(folder, "log.000001", "first");
        write(folder, "log.000002", "second");
        write(folder, "log.000003.open", "third, so far");
        await(() -> shipped(destination, "log.000003", true).size() == 1 && shipped(destination, "log.000002", false).size() == 1);
        write(folder, "log.000003.open", "third, a bit more");
        await(() -> shipped(destination, "log.000003", true).size() == 2);
        Thread.sleep(500); // unchanged: not shipped again
        assertThat(shipped(destination, "log.000003", true)).hasSize(2);
        assertThat(shipped(destination, "log.000001", false)).hasSize(1);

        write(folder, "log.000005", "after a gap");
        await(() -> folders.size() == 2);
        assertThat(events).anySatisfy(event -> assertThat(((LogStreamProblem) event).problem())
                .isEqualTo(LogStreamProblem.Problem.GAP));
        write(folders.get(1), "log.000006.open", "new chain");
        streamer.stop();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        List<Manifest> all = PlanB.catalog(destination).backups("app");
        List<Manifest> bases = all.stream().filter(Manifest::startsChain).toList();
        assertThat(bases).hasSize(2);
        Manifest second = bases.get(0);
        assertThat(shipped(destination, "log.000006", true)).singleElement()
                .satisfies(log -> assertThat(log.parentId()).isEqualTo(second.backupId()));
        assertThat(shipped(destination, "log.000002", false)).singleElement()
                .satisfies(log -> assertThat(log.parentId()).isEqualTo(bases.get(1).backupId()));
        try (InputStream in = PlanB.catalog(destination).openDump(shipped(destination, "log.000002", false).get(0),
                shipped(destination, "log.000002", false).get(0).databaseArtifact())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        }
        assertThat(shipped(destination, "log.000005", false)).isEmpty(); // before the new chain's start
    }

    @Test
    void aReceivedLogThatStartsAfterTheChainsFirstFileIsAGapAndStartsANewChain() throws Exception {
        LocalDirectoryDestination destination = new LocalDirectoryDestination(tmp.resolve("backups"));
        LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(DatabaseSource.of("jdbc:fakelog:app"))
                .engine(new FakeLogEngine()).destination(destination).build())
                .partialInterval(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(20))
                .restartDelay(Duration.ofMillis(50)).listener(events::add).build();
        Thread thread = new Thread(streamer::run);
        thread.start();
        await(() -> folders.size() == 1);
        write(folders.get(0), "log.000002.open", "the receiver began one file late");
        await(() -> folders.size() == 2);
        streamer.stop();
        thread.join(10_000);

        assertThat(events).singleElement().satisfies(event -> assertThat(((LogStreamProblem) event).message())
                .contains("starts at log.000002, after log.000001"));
        assertThat(shipped(destination, "log.000002", true)).isEmpty();
    }

    private List<Manifest> shipped(LocalDirectoryDestination destination, String file, boolean partial) {
        return PlanB.catalog(destination).backups("app").stream()
                .filter(backup -> backup.isLog() && backup.log().file().equals(file) && backup.log().partial() == partial)
                .toList();
    }

    private static void write(Path folder, String name, String content) throws IOException {
        Path temporary = folder.resolve("tmp-" + name);
        Files.writeString(temporary, content);
        Files.move(temporary, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Log files {@code log.NNNNNN}; the one being written ends in {@code .open}; a chain starts at the file after the newest. */
    private final class FakeLogEngine extends FakeEngine implements PointInTimeEngine {

        FakeLogEngine() {
            super("fakelog", "app");
        }

        @Override
        public String dumpFileName() {
            return "base.bin";
        }

        @Override
        public DumpResult dump(DatabaseSource source, OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkRestoreTarget(DatabaseSource target, boolean force) {
        }

        @Override
        public String logFormat() {
            return "binlog";
        }

        @Override
        public List<String> streamingProblems(DatabaseSource source) {
            return List.of();
        }

        @Override
        public LogStream openStream(DatabaseSource source, String plan, Path folder) {
            folders.add(folder);
            String first = folders.size() == 1 ? "log.000001" : "log.000006";
            return new LogStream() {
                @Override
                public String baseFileName() {
                    return "base.bin";
                }

                @Override
                public String baseKind() {
                    return Manifest.KIND_BASE;
                }

                @Override
                public ChainStart begin(OutputStream out) throws IOException {
                    out.write("base".getBytes(StandardCharsets.UTF_8));
                    return new ChainStart(new DumpResult("1", "fake", "1", List.of()), new LogInfo("binlog", first, 0, false, 0));
                }

                @Override
                public LogFiles scan() throws IOException {
                    List<Path> complete = new ArrayList<>();
                    Path current = null;
                    try (Stream<Path> files = Files.list(folder)) {
                        for (Path file : files.sorted().toList()) {
                            String name = file.getFileName().toString();
                            if (name.matches("log\\.\\d{6}")) {
                                complete.add(file);
                            } else if (name.matches("log\\.\\d{6}\\.open")) {
                                current = file;
                            }
                        }
                    }
                    return new LogFiles(complete, Optional.ofNullable(current),
                            Optional.ofNullable(current).map(file -> file.getFileName().toString().replace(".open", "")));
                }

                @Override
                public Optional<String> receiverStopped() {
                    return Optional.empty();
                }

                @Override
                public void restartReceiver() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public RecoveredPoint recover(RecoveryChain chain, RecoveryTarget target, RecoveryDestination where) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String manualRecoverySteps(Manifest manifest) {
            return "replay the files in order";
        }
    }
}
