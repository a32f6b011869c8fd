/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.config;

import dev.planb.BackupPlan;
import dev.planb.PlanB;
import dev.planb.event.PlanBListener;
import dev.planb.runtime.LogStreamer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link PlanFactory#start} starts ({@link PlanFactory#prepare} makes it without starting): the
 * {@link PlanB} runtime that runs every plan and pull on its schedule, and a log streamer per plan that
 * streams. {@link #close()} stops the streamers (each ships what it received) and then the runtime (a
 * running backup leaves nothing visible).
 */
public final class ConfiguredRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredRuntime.class);

    private final PlanB planB;
    private final List<LogStreamer> streamers;
    private final Set<String> streamingPlans;
    private final Map<String, LogStreamer> named;
    private final List<Thread> threads = new ArrayList<>();
    private boolean started;

    private ConfiguredRuntime(PlanB planB, Map<String, LogStreamer> streamers) {
        this.planB = planB;
        this.named = Map.copyOf(streamers);
        this.streamers = List.copyOf(streamers.values());
        this.streamingPlans = Set.copyOf(streamers.keySet());
    }

    /** {@code planB} (not started) with a log streamer for each plan of {@code streaming}. */
    static ConfiguredRuntime prepare(PlanB planB, Map<BackupPlan, PlanSettings.StreamingSettings> streaming,
            List<PlanBListener> listeners) {
        Map<String, LogStreamer> streamers = new LinkedHashMap<>();
        try {
            for (Map.Entry<BackupPlan, PlanSettings.StreamingSettings> entry : streaming.entrySet()) {
                BackupPlan plan = entry.getKey();
                PlanSettings.StreamingSettings settings = entry.getValue();
                LogStreamer.Builder streamer = LogStreamer.builder(plan).partialInterval(settings.getPartialInterval())
                        .fallbackInterval(settings.getFallbackInterval());
                listeners.forEach(streamer::listener);
                streamers.put(plan.name(), streamer.build());
            }
        } catch (RuntimeException e) {
            planB.close();
            throw e;
        }
        return new ConfiguredRuntime(planB, streamers);
    }

    /**
     * Starts the runtime and the log streamers; calling it again does nothing.
     *
     * @return this
     */
    public synchronized ConfiguredRuntime start() {
        if (started) {
            return this;
        }
        started = true;
        planB.start();
        named.forEach((name, streamer) -> {
            Thread thread = new Thread(() -> {
                try {
                    streamer.run();
                } catch (RuntimeException e) {
                    LOG.error("Plan '{}': log streaming stopped: {}", name, e.getMessage());
                }
            }, "planb-stream-" + name);
            thread.start();
            threads.add(thread);
        });
        return this;
    }

    /** {@return the names of the plans whose transaction log is streamed} */
    public Set<String> streamingPlans() {
        return streamingPlans;
    }

    /** {@return the runtime running the plans and pulls: status, backupNow, nextRun} */
    public PlanB planB() {
        return planB;
    }

    /** Stops the log streamers, waiting for each to ship what it received, then the runtime. */
    @Override
    public void close() {
        streamers.forEach(LogStreamer::stop);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        planB.close();
    }
}
