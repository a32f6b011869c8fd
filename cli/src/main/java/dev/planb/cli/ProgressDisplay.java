/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.Progress;
import dev.planb.ProgressListener;
import dev.planb.spi.support.Sizes;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress for operations that take more than a moment: a progress bar on a terminal,
 * a plain line every few seconds otherwise (logs, pipes, CI).
 */
final class ProgressDisplay implements ProgressListener, AutoCloseable {

    private static final Duration QUIET_START = Duration.ofSeconds(1);
    private static final Duration LINE_INTERVAL = Duration.ofSeconds(10);
    private static final long MIB = 1024 * 1024;

    private final boolean terminal;
    private final PrintWriter lines;
    private ProgressBar bar;
    private Duration nextLine = LINE_INTERVAL;

    private ProgressDisplay(boolean terminal, PrintWriter lines) {
        this.terminal = terminal;
        this.lines = lines;
    }

    /** A progress bar when standard error is a terminal, plain lines on {@code err} otherwise. */
    static ProgressDisplay on(PrintWriter err) {
        return new ProgressDisplay(System.console() != null, err);
    }

    @Override
    public void onProgress(Progress progress) {
        if (progress.done() || progress.elapsed().compareTo(QUIET_START) < 0) {
            if (bar != null && progress.done()) {
                bar.stepTo(progress.databaseBytes() / MIB);
            }
            return;
        }
        if (terminal) {
            showBar(progress);
        } else if (progress.elapsed().compareTo(nextLine) >= 0) {
            nextLine = progress.elapsed().plus(LINE_INTERVAL);
            lines.println(String.format(Locale.ROOT, "%s %s: %s of database, %s stored, %.1f MiB/s",
                    progress.operation(), progress.plan(), Sizes.format(progress.databaseBytes()),
                    Sizes.format(progress.storedBytes()), progress.bytesPerSecond() / MIB));
            lines.flush();
        }
    }

    private void showBar(Progress progress) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(progress.operation() + " " + progress.plan())
                    .setInitialMax(progress.expectedTotal().orElse(-1) / MIB)
                    .setUnit(" MiB", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .showSpeed()
                    .build();
        }
        long mib = progress.databaseBytes() / MIB;
        if (bar.getMax() > 0 && mib > bar.getMax()) {
            bar.maxHint(mib);
        }
        bar.stepTo(mib);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
