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
import dev.planb.catalog.Catalog;
import dev.planb.catalog.LogFileNames;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.runtime.LogStreamer;
import dev.planb.spi.Layout;
import dev.planb.spi.Manifest;
import dev.planb.spi.support.ProcessOwnedFiles;
import dev.planb.testing.server.PostgresServer;
import dev.planb.testing.server.RecoveredPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A streamed PostgreSQL chain recovered to a moment by hand, as its {@code RESTORE.md} says, with stock
 * tools only ({@code zstd}, {@code tar}, {@code pg_ctl}) and without PlanB.
 */
class PostgresManualRecoveryTest {

    @Test
    void theRestoreGuideRecoversToAMomentWithStockTools() throws Exception {
        PostgresServer server = PostgresServer.startNew();
        server.allowReplication();
        DatabaseSource database = server.newDatabase();
        String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
        RowWriter writer = RowWriter.withNewTable(database, PostgresServer.USER, server.password());
        Path work = Files.createTempDirectory("planb-by-hand-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            LocalDirectoryDestination destination = new LocalDirectoryDestination(work.resolve("backups"));
            LogStreamer streamer = LogStreamer.builder(BackupPlan.builder("app").database(database).destination(destination)
                    .build()).partialInterval(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200)).build();
            Thread streaming = new Thread(streamer::run);
            streaming.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> streamer.currentBase().isPresent());
                writer.start();
            Thread.sleep(2000);
            Instant target = Instant.now();
            Thread.sleep(2000);
            writer.finish();
            Thread.sleep(1500);
            streamer.stop();
            streaming.join(60_000);

            Catalog catalog = PlanB.catalog(destination);
            Manifest base = streamer.currentBase().orElseThrow();
            String guide = Files.readString(work.resolve("backups").resolve(Layout.key("app", base.id(), Layout.RESTORE_GUIDE)));
            assertThat(guide).contains("tar -xf base.tar -C DIR").contains("recovery.signal").contains("pg_wal");
            Path directory = work.resolve("recovered");
            Path script = work.resolve("recover.sh");
            Files.writeString(script, script(work.resolve("backups"), catalog, base, directory, target));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            chownToPostgres(work);
            String output = run(List.of("runuser", "-u", "postgres", "--", "bash", script.toString()));
            assertThat(output).contains("recovery stopping before commit");

            Set<Integer> restored = RecoveredPostgres.readIds(directory, name, "drill_rows", PostgresServer.USER,
                    server.password());
            assertThat(restored).containsAll(writer.committedBefore(target))
                    .doesNotContainAnyElementsOf(writer.startedAfter(target));
        } finally {
            ProcessOwnedFiles.deleteTree(work);
        }
    }

    /** The steps of RESTORE.md as a shell script: unpack the base, decompress each WAL file, recover. */
    private static String script(Path backups, Catalog catalog, Manifest base, Path directory, Instant target) {
        Map<String, Manifest> best = new LinkedHashMap<>();
        catalog.backups("app").stream().filter(backup -> backup.isLog() && base.backupId().equals(backup.parentId()))
                .sorted(Comparator.comparing(Manifest::startedAt))
                .forEach(log -> best.merge(log.log().file(), log, (kept, later) -> kept.log().partial() ? later : kept));
        List<String> lines = new ArrayList<>(List.of("set -euo pipefail",
                "cd " + backups.resolve("app").resolve(base.backupId()),
                "zstd -d -q -f base.tar.zst -o " + directory.getParent().resolve("base.tar"),
                "mkdir -m 700 " + directory + " && tar -xf " + directory.getParent().resolve("base.tar") + " -C " + directory));
        best.values().stream().sorted((a, b) -> LogFileNames.compare("wal", a.log().file(), b.log().file()))
                .forEach(log -> lines.add("zstd -d -q -f " + backups.resolve("app").resolve(log.backupId())
                        .resolve(log.databaseArtifact().name()) + " -o " + directory.resolve("pg_wal").resolve(log.log().file())));
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(target);
        lines.addAll(List.of("touch " + directory + "/recovery.signal",
                "cat >> " + directory + "/postgresql.auto.conf <<'EOF'",
                "restore_command = 'false'", "recovery_target_time = '" + time + "+00'",
                "recovery_target_action = 'promote'", "EOF",
                "pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)",
                "$pg_ctl -D " + directory + " -l " + directory + "/recovery.log -o \"-c hot_standby=off -c listen_addresses=''"
                        + " -c unix_socket_directories='" + directory + "'\" -w -t 86400 start"
                        + " || { cat " + directory + "/recovery.log; exit 1; }", // the server's reason, in the failure
                "until grep -q 'database system is ready to accept connections' " + directory + "/recovery.log; do sleep 0.2; done",
                "grep -E 'recovery stopping|last completed transaction' " + directory + "/recovery.log",
                "$pg_ctl -D " + directory + " -m fast -w stop"));
        return String.join("\n", lines) + "\n";
    }

    private static void chownToPostgres(Path folder) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "postgres:", folder.toString()));
        }
    }

    private static String run(List<String> command) throws Exception {
        List<String> actual = "root".equals(System.getProperty("user.name")) ? command
                : command.subList(command.indexOf("--") + 1, command.size());
        Process process = new ProcessBuilder(actual).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
