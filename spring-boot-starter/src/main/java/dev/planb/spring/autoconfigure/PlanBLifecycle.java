/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import dev.planb.BackupPlan;
import dev.planb.config.ConfiguredRuntime;
import dev.planb.spi.Destination;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the plans' runtime once the application context has started (after every bean, including a
 * Flyway or Liquibase migration, is ready) and stops it first at shutdown: a running backup may finish
 * within {@code planb.shutdown-grace}, then it is cancelled and leaves nothing visible. Every destination
 * of the starter's plans that holds connections (S3, Azure, SFTP…) is closed after the runtime.
 */
final class PlanBLifecycle implements SmartLifecycle, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PlanBLifecycle.class);

    private final ConfiguredRuntime runtime;
    private volatile boolean running;
    private boolean closed;

    /** @param runtime not started yet; its shutdown grace is {@code planb.shutdown-grace} */
    PlanBLifecycle(ConfiguredRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start() {
        runtime.start();
        running = true;
    }

    @Override
    public void stop() {
        close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Also when the context fails before it started, or is closed without being stopped. */
    @Override
    public void destroy() {
        close();
    }

    private synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<BackupPlan> plans = runtime.planB().plans();
        runtime.close();
        plans.stream().flatMap(plan -> plan.destinations().stream()).distinct().forEach(PlanBLifecycle::close);
    }

    private static void close(Destination destination) {
        if (destination instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("PlanB could not close destination {}: {}", destination.description(), e.toString());
            }
        }
    }
}
