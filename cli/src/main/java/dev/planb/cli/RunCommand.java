/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.cli;

import dev.planb.BackupPlan;
import dev.planb.ErrorCode;
import dev.planb.config.ConfiguredRuntime;
import dev.planb.config.PlanSettings;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupSkipped;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.PlanBEvent;
import dev.planb.event.PlanBListener;
import dev.planb.event.VerificationFailed;
import dev.planb.pull.PullJob;
import dev.planb.pull.PullResult;
import dev.planb.schedule.Schedule;
import dev.planb.status.metrics.PlanBMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code planb run --config planb.yml}: every plan and pull of the file on its schedule, with the runtime
 * the Spring Boot starter uses, until SIGTERM or Ctrl-C; {@code --once} runs each plan now and exits.
 */
@Command(name = "run", description = {"Run every plan and pull of a configuration file on its schedule.",
    "Stops cleanly on SIGTERM or Ctrl-C: a running backup may finish within --grace, else it is stopped and leaves",
    "nothing behind; exit status 0.",
    "With --once, back up every plan once (then its retention and any due drill), run every pull, and exit with",
    "the worst status: for cron, CI and Kubernetes CronJobs (SIGTERM: --grace, then a stopped backup counts as failed)."})
final class RunCommand implements Callable<Integer> {

    /** A schedule that never comes round: with --once, only the runs asked for happen. */
    private static final Duration NEVER = Duration.ofDays(36_500);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The configuration file (planb.yml).")
    Path config;

    @Option(names = "--once", description = "Run every plan and pull once, now, and exit with the worst status.")
    boolean once;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "Serve, read-only, on this address only (e.g. 127.0.0.1:9090): GET /health (200 UP, 503 DOWN when"
                    + " a plan is stale or its drill failed), GET /metrics (Prometheus text format) and GET / (the status"
                    + " page).")
    String http;

    @Option(names = "--grace", paramLabel = "DURATION",
            description = "On SIGTERM or Ctrl-C, how long a running backup may take to finish before it is stopped, e.g."
                    + " 30s (default: the file's shutdown-grace, else 0s: stopped at once).")
    Duration grace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ConfigFile file = ConfigFile.read(config);
        if (grace != null) {
            file.settings().setShutdownGrace(grace);
        }
        return once ? runOnce(file) : runUntilStopped(file);
    }

    private int runUntilStopped(ConfigFile file) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrometheusMeterRegistry registry = http == null ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConfiguredRuntime runtime = file.start(registry == null ? List.of() : List.of(new PlanBMetrics(registry)),
                (name, plan) -> { });
        MonitoringServer monitoring = registry == null ? null : MonitoringServer.start(http, runtime.planB(), registry);
        onSignal(() -> {
            runtime.close();
            if (monitoring != null) {
                monitoring.close();
            }
            Runtime.getRuntime().halt(0);
        });
        err.println("Running " + runtime.planB().plans().size() + " plan(s) from " + file.file()
                + (monitoring == null ? "" : ", status on http://" + monitoring.address() + "/ (also /health, /metrics)")
                + "; stop with Ctrl-C or SIGTERM");
        err.flush();
        new CountDownLatch(1).await(); // until the signal's hook ends the process
        return 0;
    }

    private int runOnce(ConfigFile file) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        file.settings().getPlans().values().stream().map(PlanSettings::getStreaming)
                .forEach(streaming -> streaming.setEnabled(false)); // nothing to stream in one run
        Map<String, PullResult> pulled = new LinkedHashMap<>();
        Outcomes outcomes = new Outcomes(file.settings().getPlans().keySet());
        List<PullJob> pulls = file.pulls();
        file.settings().getPulls().clear(); // run below, once, rather than on their schedules
        try (ConfiguredRuntime runtime = file.start(List.of(outcomes),
                (name, plan) -> plan.schedule(Schedule.every(NEVER).withoutCatchUp()))) {
            Thread hook = onSignal(() -> {
                runtime.close(); // the backup gets the grace period; one stopped counts as failed
                Runtime.getRuntime().halt(outcomes.status.get());
            });
            for (BackupPlan plan : runtime.planB().plans()) {
                runtime.planB().backupNow(plan.name());
            }
            outcomes.finished.await();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                new CountDownLatch(1).await(); // a signal came: its hook ends the process
            }
        }
        for (PullJob pull : pulls) {
            try {
                pulled.put(pull.name(), pull.run());
            } catch (dev.planb.PlanBException e) {
                err.println("planb: pull '" + pull.name() + "' failed: " + e.getMessage());
                outcomes.worst(e.code().exitCode());
            }
        }
        pulled.forEach((name, result) -> {
            if (!result.isComplete()) {
                outcomes.worst(ErrorCode.DESTINATION_FAILED.exitCode());
            }
        });
        outcomes.report(err);
        err.flush();
        return outcomes.status.get();
    }

    /** Runs {@code stop} on SIGTERM or Ctrl-C; it ends the process with {@code Runtime.halt}. */
    private static Thread onSignal(Runnable stop) {
        Thread hook = new Thread(stop, "planb-run-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Each plan's outcome, as its events tell it. */
    private static final class Outcomes implements PlanBListener {
        private final Map<String, String> results = new ConcurrentHashMap<>();
        private final CountDownLatch finished;
        private final AtomicInteger status = new AtomicInteger();

        Outcomes(java.util.Set<String> plans) {
            this.finished = new CountDownLatch(plans.size());
        }

        @Override
        public void onEvent(PlanBEvent event) {
            if (event instanceof BackupSucceeded succeeded) {
                if (!succeeded.result().isComplete()) {
                    worst(ErrorCode.DESTINATION_FAILED.exitCode());
                }
                done(succeeded.plan(), "backed up: " + succeeded.result().id());
            } else if (event instanceof BackupFailed failed) {
                worst(failed.code().exitCode());
                done(failed.plan(), "FAILED: " + failed.message());
            } else if (event instanceof BackupSkipped skipped) {
                done(skipped.plan(), "skipped: " + skipped.message());
            } else if (event instanceof VerificationFailed failed) {
                worst(ErrorCode.VERIFICATION_FAILED.exitCode());
                results.put(failed.plan() + " drill", "FAILED: " + String.join("; ", failed.problems()));
            }
        }

        private void done(String plan, String result) {
            if (results.putIfAbsent(plan, result) == null) {
                finished.countDown();
            }
        }

        void worst(int code) {
            status.accumulateAndGet(code, Math::max);
        }

        void report(PrintWriter err) {
            results.forEach((plan, result) -> err.println("  " + plan + ": " + result));
        }
    }
}
