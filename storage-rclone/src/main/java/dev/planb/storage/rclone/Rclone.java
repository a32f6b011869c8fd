/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the {@code rclone} binary the way engines start {@code pg_dump}: arguments that never
 * hold a secret (rclone reads those from its own config file), the caller's environment (so
 * {@code RCLONE_CONFIG} and rclone's other variables apply), and stderr kept to its last lines.
 */
final class Rclone {

    /** rclone's exit code for "directory not found", which a missing file on many backends gives too. */
    static final int DIRECTORY_NOT_FOUND = 3;
    /** rclone's exit code for "file not found". */
    static final int FILE_NOT_FOUND = 4;

    private final RcloneSettings settings;

    Rclone(RcloneSettings settings) {
        this.settings = settings;
    }

    /** A running rclone command. */
    static final class Run {
        private final Process process;
        private final StderrTail stderr;
        private final String command;

        private Run(Process process, String command) {
            this.process = process;
            this.command = command;
            this.stderr = new StderrTail(process.getErrorStream());
        }

        /** rclone's stdin. */
        OutputStream stdin() {
            return process.getOutputStream();
        }

        /** rclone's stdout. */
        InputStream stdout() {
            return process.getInputStream();
        }

        /** Waits for the command to end and returns its exit code. */
        int await() throws IOException {
            try {
                int code = process.waitFor();
                stderr.join();
                return code;
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for rclone " + command);
            }
        }

        /** Ends the command at once, e.g. an upload to throw away. */
        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor();
                stderr.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether the command still runs. */
        boolean isAlive() {
            return process.isAlive();
        }

        /** The last lines rclone wrote to stderr, on one line. */
        String error() {
            return stderr.text();
        }

        /** The subcommand, e.g. {@code rcat}. */
        String command() {
            return command;
        }
    }

    /** Starts {@code rclone SUBCOMMAND ARGS…}. */
    Run start(String subcommand, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(settings.binary());
        if (settings.config() != null) {
            command.add("--config");
            command.add(settings.config().toString());
        }
        // One attempt at the command level: PlanB reports a failure instead of repeating a whole upload.
        command.addAll(List.of("--retries", "1"));
        command.add(subcommand);
        command.addAll(List.of(arguments));
        try {
            return new Run(new ProcessBuilder(command).start(), subcommand);
        } catch (IOException e) {
            throw new PlanBException(ErrorCode.DESTINATION_FAILED, "Cannot run rclone ('" + settings.binary()
                    + "': " + e.getMessage() + ") for " + settings.description() + ": install it (Debian: apt-get "
                    + "install -y rclone) or give its path with rclone=PATH", e);
        }
    }

    /** Runs a command that reads nothing and prints little; returns its exit code, stderr in {@code run.error()}. */
    Run runToEnd(String subcommand, String... arguments) throws IOException {
        Run run = start(subcommand, arguments);
        run.stdin().close();
        run.stdout().transferTo(OutputStream.nullOutputStream());
        run.await();
        return run;
    }

    /** Reads a process's stderr on its own thread, keeping only the last few KiB (bounded memory). */
    private static final class StderrTail extends Thread {
        private static final int LIMIT = 4096;
        private final InputStream in;
        private final StringBuilder tail = new StringBuilder();

        StderrTail(InputStream in) {
            super("rclone-stderr");
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1024];
            try (in) {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    synchronized (tail) {
                        tail.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                        if (tail.length() > LIMIT) {
                            tail.delete(0, tail.length() - LIMIT);
                        }
                    }
                }
            } catch (IOException e) {
                // The process ended: what was read is all there is.
            }
        }

        String text() {
            synchronized (tail) {
                return tail.toString();
            }
        }
    }
}
