/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.PlanBException;
import dev.planb.engine.DatabaseEngines;
import dev.planb.engine.postgres.PostgresOptions;
import dev.planb.event.LogStreamProblem;
import dev.planb.runtime.LogStreamer;
import dev.planb.spi.DatabaseEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code planb stream}: a base backup, then the transaction log shipped continuously until stopped. */
@Command(name = "stream", description = {"Ship the transaction log continuously, for point-in-time restores.",
    "Takes a base backup (PostgreSQL) or a dump with binlog coordinates (MariaDB/MySQL), then ships the log to the",
    "destinations until stopped: Ctrl-C or SIGTERM stop it cleanly, after shipping what was received.",
    "Restore with 'planb restore --at TIME'."})
final class StreamCommand implements Callable<Integer> {

    @Mixin
    PlanOptions planOptions;

    @Mixin
    ToolOptions tools;

    @Option(names = "--partial-interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "Ship the log file being written this often when it changed: the most a lost host loses"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration partialInterval;

    @Option(names = "--fallback-interval", paramLabel = "DURATION", defaultValue = "15m",
            description = "When the server does not allow log shipping, dump this often instead (default: ${DEFAULT-VALUE}).")
    Duration fallbackInterval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        BackupPlan plan = planOptions.configured().orElseGet(() -> {
            DatabaseEngine engine = EngineChoice.forUrl(planOptions.jdbcUrl, tools, PostgresOptions.builder(), List.of());
            return planOptions.planBuilder(engine != null ? engine : DatabaseEngines.forUrl(planOptions.jdbcUrl)).build();
        });
        LogStreamer streamer = LogStreamer.builder(plan).partialInterval(partialInterval)
                .fallbackInterval(fallbackInterval).listener(event -> {
                    if (event instanceof LogStreamProblem problem) {
                        err.println("planb: WARNING " + problem.message());
                        err.flush();
                    }
                }).build();
        // SIGTERM or Ctrl-C: stop streaming, let run() ship what was received, then end with its status, not 143.
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger();
        Thread hook = new Thread(() -> {
            streamer.stop();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(status.get());
        }, "planb-stream-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        err.println("Streaming plan '" + plan.name() + "' from " + plan.database().redactedUrl() + " to "
                + plan.destinations().size()
                + " destination(s); stop with Ctrl-C or SIGTERM");
        err.flush();
        try {
            streamer.run();
            streamer.currentBase().ifPresent(base -> err.println("Stopped: chain of backup " + base.backupId()
                    + streamer.lastShipped().map(time -> ", log shipped until " + time).orElse("")));
            err.flush();
        } catch (PlanBException e) {
            status.set(e.code().exitCode());
            throw e;
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // A signal stopped the stream: the hook ends the process with the status.
        }
        return 0;
    }
}
