/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import dev.planb.spi.support.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a database tool ({@code pg_dump}, {@code mariadb}…) as a child process: standard output
 * streamed to the caller's sink, standard input fed from the caller's source, standard error kept
 * as a bounded tail for the failure message, and the exit status checked. The child gets a
 * minimal environment (never the parent's, which may hold a password variable). It is killed when
 * the calling thread is interrupted, when the sink fails, or when the source fails; a source's
 * exception (such as a checksum mismatch) is rethrown as it is.
 *
 * <p>The source is read one buffer ahead: its last bytes reach the tool only once the source has
 * reported its end, so a source that fails at its end (a checksum mismatch) stops the tool before
 * it has seen the whole input and cannot commit it.
 */
public final class ToolRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
    private static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR");
    private static final int BUFFER = 64 * 1024;
    private static final int SMALL_OUTPUT_LIMIT = 64 * 1024;

    private ToolRunner() {
    }

    /**
     * Runs {@code command} and returns its standard output (at most 64 KiB): for version checks.
     *
     * @throws IOException when the tool cannot start or exits with a non-zero status
     */
    public static String output(ToolCommand command) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        run(command, null, new BoundedOutputStream(output, SMALL_OUTPUT_LIMIT));
        return output.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code command} to its end.
     *
     * @param input what to feed to its standard input, or {@code null} for none
     * @param output where its standard output goes, or {@code null} to discard it; not closed
     * @throws ToolFailedException when it exits with a non-zero status
     * @throws InterruptedIOException when the calling thread was interrupted; the tool is killed
     * @throws IOException from {@code input} or {@code output}, or when the tool cannot start
     */
    public static void run(ToolCommand command, InputStream input, OutputStream output) throws IOException {
        Process process = start(command, input != null, output != null);
        LOG.debug("Started {} (pid {})", command.name(), process.pid());
        StderrTail stderr = new StderrTail();
        AtomicReference<IOException> callerStreamFailure = new AtomicReference<>();
        List<Thread> pumps = new ArrayList<>();
        pumps.add(pump(command.name() + "-stderr", () -> stderr.drain(process.getErrorStream())));
        if (output != null) {
            pumps.add(pump(command.name() + "-stdout", () -> copyOutput(process, output, callerStreamFailure)));
        }
        if (input != null) {
            pumps.add(pump(command.name() + "-stdin", () -> feedInput(process, input, callerStreamFailure)));
        }
        int status;
        try {
            status = process.waitFor();
            for (Thread thread : pumps) {
                thread.join();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(command.name() + " was stopped: the run was interrupted");
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        if (callerStreamFailure.get() != null) {
            throw callerStreamFailure.get();
        }
        if (status != 0) {
            throw new ToolFailedException(command.name(), status, stderr.tail());
        }
        LOG.debug("{} finished", command.name());
    }

    /** A process builder for {@code command} with the minimal environment: a few inherited variables and the command's own. */
    static ProcessBuilder processBuilder(ToolCommand command) {
        ProcessBuilder builder = new ProcessBuilder(command.arguments());
        Map<String, String> environment = builder.environment();
        Map<String, String> parent = Map.copyOf(environment);
        environment.clear();
        INHERITED.stream().filter(parent::containsKey).forEach(name -> environment.put(name, parent.get(name)));
        environment.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.putAll(command.environment());
        return builder;
    }

    private static Process start(ToolCommand command, boolean withInput, boolean withOutput) throws IOException {
        ProcessBuilder builder = processBuilder(command);
        if (!withInput) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        if (!withOutput) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.arguments().get(0) + ": " + Messages.firstLine(e), e);
        }
    }

    private static void copyOutput(Process process, OutputStream output, AtomicReference<IOException> failure) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream stdout = process.getInputStream()) {
            int n;
            while ((n = stdout.read(buffer)) >= 0) {
                try {
                    output.write(buffer, 0, n);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                    process.destroyForcibly();
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("Reading the tool's output stopped", e);
        }
    }

    /** Feeds the input one buffer behind the reads, so its last bytes go out only after its end was read cleanly. */
    private static void feedInput(Process process, InputStream input, AtomicReference<IOException> failure) {
        byte[] pending = new byte[BUFFER];
        byte[] next = new byte[BUFFER];
        int pendingLength = 0;
        try (OutputStream stdin = process.getOutputStream()) {
            while (true) {
                int n;
                try {
                    n = input.readNBytes(next, 0, next.length);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                    process.destroyForcibly();
                    return;
                }
                if (pendingLength > 0) {
                    stdin.write(pending, 0, pendingLength);
                }
                if (n == 0) {
                    return;
                }
                byte[] swap = pending;
                pending = next;
                next = swap;
                pendingLength = n;
            }
        } catch (IOException e) {
            // The tool closed its input: it stopped or failed, which its exit status reports.
            LOG.debug("The tool stopped reading its input", e);
        }
    }

    private static Thread pump(String name, Runnable task) {
        Thread thread = new Thread(task, "planb-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Keeps at most {@code limit} bytes and fails beyond, so an unexpected flood cannot fill the heap. */
    private static final class BoundedOutputStream extends OutputStream {
        private final ByteArrayOutputStream target;
        private final int limit;

        BoundedOutputStream(ByteArrayOutputStream target, int limit) {
            this.target = target;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (target.size() + len > limit) {
                throw new IOException("the tool printed more than " + limit + " bytes where a short answer was expected");
            }
            target.write(b, off, len);
        }
    }
}
