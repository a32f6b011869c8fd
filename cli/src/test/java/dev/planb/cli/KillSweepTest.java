/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.spi.Layout;
import dev.planb.storage.s3.S3Fixture;
import dev.planb.storage.s3.S3MockExtension;
import dev.planb.testing.LargeSqliteDatabase;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty {@code kill -9}s land at random moments of backups to each kind of destination; one {@code planb cleanup}
 * afterwards leaves only complete backups there, and nothing of the killed processes in {@code java.io.tmpdir}.
 */
@ExtendWith({OpenSshServerExtension.class, S3MockExtension.class})
class KillSweepTest {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    Path database;
    Path tmp;

    @BeforeEach
    void createDatabase() throws Exception {
        database = dir.resolve("app.db");
        LargeSqliteDatabase.create(database, 4);
        tmp = Files.createDirectories(dir.resolve("tmp"));
    }

    @Test
    void localFolder() throws Exception {
        Path backups = dir.resolve("backups");

        sweep(backups.toString(), List.of(), Map.of(), () -> files(backups));

        assertOnlyCompleteBackups(backups);
    }

    @Test
    void sftp(OpenSshServer sshd) throws Exception {
        Path outbox = sshd.newFolder();
        String uri = "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + outbox + "?identity="
                + sshd.clientKey() + "&knownHosts=" + sshd.knownHosts();

        sweep(uri, List.of(), Map.of(), () -> files(outbox));

        assertOnlyCompleteBackups(outbox);
    }

    @Test
    void s3(S3Fixture s3) throws Exception {
        String bucket = s3.newBucket();
        String uri = s3.uri(bucket, "prod");

        sweep(uri, s3.server().trustStoreOptions(), s3.credentialsEnvironment(), () -> {
            Set<String> written = new HashSet<>(s3.keys(bucket));
            s3.pendingUploads(bucket).forEach(upload -> written.add(upload.uploadId()));
            return written;
        });

        assertThat(s3.pendingUploads(bucket)).as("unfinished multipart uploads").isEmpty();
        assertOnlyCompleteBackups(s3.keys(bucket).stream().map(key -> key.substring("prod/".length())).toList());
    }

    /**
     * Kills {@link #KILLS} backups, each a random moment after it began writing (when {@code written}, what is on
     * the destination, shows something new), then runs one cleanup with the same {@code java.io.tmpdir}, and checks
     * that this folder is empty again.
     */
    private void sweep(String uri, List<String> jvmOptions, Map<String, String> environment,
            Supplier<Set<String>> written) throws Exception {
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Djava.io.tmpdir=" + tmp);
        options.add("-Xmx128m");
        environment = new HashMap<>(environment);
        environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString()); // where the SQLite driver's library goes
        Random random = new Random(KILLS);
        int killedWhileRunning = 0;
        for (int i = 0; i < KILLS; i++) {
            Process backup = PlanBProcess.start(dir, options, environment, "backup", "--db", "jdbc:sqlite:" + database,
                    "--to", uri, "--plan", "app", "--compression", i % 2 == 0 ? "none" : "zstd");
            Set<String> before = written.get();
            awaitWriting(backup, () -> !before.containsAll(written.get()));
            Thread.sleep(random.nextInt(400)); // a random moment of the upload, or of the manifest after it
            killedWhileRunning += backup.isAlive() ? 1 : 0;
            backup.destroyForcibly();
            assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(killedWhileRunning).as("kills that landed during a backup").isGreaterThanOrEqualTo(KILLS / 2);

        Cli.Result cleanup = PlanBProcess.run(dir, options, environment, "cleanup", "--from", uri, "--older-than", "0s");

        assertThat(cleanup.exitCode()).as(cleanup.out()).isZero();
        assertThat(cleanup.out()).contains("removed");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("what the killed processes left in java.io.tmpdir").isEmpty();
        }
        try (Stream<Path> cached = Files.walk(dir.resolve("cache"))) {
            assertThat(cached.filter(file -> file.getFileName().toString().contains("sqlitejdbc")))
                    .as("the SQLite driver's library, extracted once").singleElement();
        }
        Cli.Result list = PlanBProcess.run(dir, options, environment, "list", "--from", uri);
        assertThat(list.exitCode()).as(list.out()).isZero();
    }

    private static void awaitWriting(Process backup, BooleanSupplier writing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (backup.isAlive() && !writing.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The files under {@code folder}, hidden partial ones included. */
    private static Set<String> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(Path::toString).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of(); // a file went away while we looked: look again
        }
    }

    private static void assertOnlyCompleteBackups(Path folder) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> keys.add(folder.relativize(file).toString()));
        }
        assertThat(keys).as("hidden partial files").noneMatch(key -> key.contains("/."));
        assertOnlyCompleteBackups(keys);
    }

    /** Every key is in a {@code plan/id/} folder that has its manifest. */
    private static void assertOnlyCompleteBackups(List<String> keys) {
        Set<String> committed = new HashSet<>();
        keys.stream().filter(key -> key.endsWith("/" + Layout.MANIFEST))
                .forEach(key -> committed.add(key.substring(0, key.lastIndexOf('/') + 1)));
        assertThat(keys).as("objects outside a complete backup")
                .allMatch(key -> committed.stream().anyMatch(key::startsWith));
    }
}
