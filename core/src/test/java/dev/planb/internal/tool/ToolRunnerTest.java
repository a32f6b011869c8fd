/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.internal.stream.ChecksumMismatchException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolRunnerTest {

    @TempDir
    Path dir;

    @Test
    void streamsStandardOutputAndFeedsStandardInput() throws IOException {
        byte[] input = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 7);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ToolRunner.run(sh("cat"), new ByteArrayInputStream(input), output);
        assertThat(output.toByteArray()).isEqualTo(input);
    }

    @Test
    void failureCarriesExitStatusAndTheEndOfStandardErrorOnOneLine() {
        assertThatThrownBy(() -> ToolRunner.run(sh("echo progress >&2; echo 'fatal: server gone' >&2; exit 3"), null,
                OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(ToolFailedException.class, e -> {
                    assertThat(e.exitStatus()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("tool failed (exit status 3): progress / fatal: server gone")
                            .doesNotContain("\n");
                });
    }

    @Test
    void standardErrorKeptIsBounded() {
        assertThatThrownBy(() -> ToolRunner.run(sh("yes 'noise line' | head -c 10000000 >&2; exit 1"), null, null))
                .isInstanceOfSatisfying(ToolFailedException.class,
                        e -> assertThat(e.getMessage().length()).isLessThan(6000));
    }

    @Test
    void childGetsAMinimalEnvironmentPlusItsOwnVariables() throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ToolRunner.run(new ToolCommand("tool", List.of("/usr/bin/env"), Map.of("PGPASSFILE", "/x/pgpass")), null, output);
        List<String> names = output.toString(StandardCharsets.UTF_8).lines()
                .map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(names).contains("PATH", "PGPASSFILE")
                .allMatch(name -> List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "PGPASSFILE").contains(name));
    }

    @Test
    void interruptingTheCallerKillsTheTool() throws Exception {
        Path pidFile = dir.resolve("pid");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ToolRunner.run(sh("echo $$ > " + pidFile + "; exec sleep 60"), null, OutputStream.nullOutputStream());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        caller.start();
        long pid = awaitPid(pidFile);
        caller.interrupt();
        caller.join(10_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(InterruptedIOException.class).hasMessageContaining("interrupted");
        awaitGone(pid);
    }

    @Test
    void aFailingSinkKillsTheToolAndIsRethrown() throws Exception {
        Path pidFile = dir.resolve("pid");
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertThatThrownBy(() -> ToolRunner.run(sh("echo $$ > " + pidFile + "; exec yes"), null, failing))
                .isInstanceOf(IOException.class).hasMessage("disk full");
        awaitGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    @Test
    void aSourceFailingAtItsEndIsRethrownBeforeTheToolSeesItsLastBytes() throws Exception {
        Path received = dir.resolve("received");
        byte[] body = new byte[200_000];
        InputStream failingAtEnd = new SequenceInputStream(new ByteArrayInputStream(body), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new ChecksumMismatchException("checksum mismatch");
            }
        });
        assertThatThrownBy(() -> ToolRunner.run(sh("cat > " + received), failingAtEnd, null))
                .isInstanceOf(ChecksumMismatchException.class);
        assertThat(Files.size(received)).isLessThan(body.length);
    }

    @Test
    void aMissingProgramIsAnIoErrorNamingIt() {
        assertThatThrownBy(() -> ToolRunner.run(new ToolCommand("pg_dump", List.of(dir.resolve("pg_dump").toString())),
                null, null)).isInstanceOf(IOException.class).hasMessageContaining("cannot run " + dir.resolve("pg_dump"));
    }

    private static ToolCommand sh(String script) {
        return new ToolCommand("tool", List.of("/bin/sh", "-c", script));
    }

    private static long awaitPid(Path pidFile) throws Exception {
        for (int i = 0; i < 500 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            Thread.sleep(10);
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    private static void awaitGone(long pid) throws InterruptedException {
        for (int i = 0; i < 500 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(10);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("tool still running").isFalse();
    }
}
