/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.internal.tool;

import dev.planb.spi.support.Messages;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database tool that runs until it is stopped, such as {@code pg_receivewal}: started with the same
 * minimal environment as {@link ToolRunner}, its output discarded but the tail of its standard error
 * kept, so that when it stops the reason can be told in one line.
 */
public final class BackgroundTool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTool.class);

    private final ToolCommand command;
    private final Process process;
    private final StderrTail stderr = new StderrTail();

    private BackgroundTool(ToolCommand command, Process process) {
        this.command = command;
        this.process = process;
        Thread drain = new Thread(() -> stderr.drain(process.getErrorStream()), "planb-" + command.name() + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** Starts {@code command}. */
    public static BackgroundTool start(ToolCommand command) throws IOException {
        ProcessBuilder builder = ToolRunner.processBuilder(command);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = builder.start();
            LOG.debug("Started {} (pid {})", command.name(), process.pid());
            return new BackgroundTool(command, process);
        } catch (IOException e) {
            throw new IOException("cannot run " + command.arguments().get(0) + ": " + Messages.firstLine(e), e);
        }
    }

    /** Whether it still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Why it stopped: its exit status and last error lines; empty while it runs. */
    public Optional<String> stopped() {
        if (process.isAlive()) {
            return Optional.empty();
        }
        String tail = stderr.tail();
        return Optional.of(command.name() + " exited with status " + process.exitValue() + (tail.isEmpty() ? "" : ": " + tail));
    }

    /** Asks it to stop (SIGTERM), waits up to {@code seconds}, then kills it. */
    public void stop(long seconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops it, giving it ten seconds to finish cleanly. */
    @Override
    public void close() {
        stop(10);
    }
}
