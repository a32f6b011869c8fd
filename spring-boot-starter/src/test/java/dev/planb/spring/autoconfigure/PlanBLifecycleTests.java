/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.PlanB;
import dev.planb.destination.LocalDirectoryDestination;
import dev.planb.status.PlanState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The runtime starts with the application context and stops with it, gracefully within
 * {@code planb.shutdown-grace}, and every destination of the starter's plans is closed on shutdown.
 */
class PlanBLifecycleTests {

    @TempDir
    Path folder;

    private final Map<String, ClosingDestination> made = new ConcurrentHashMap<>();

    private ApplicationContextRunner runner(Duration slowness) {
        DestinationResolver closing = new SchemeResolver("closing", uri -> made.computeIfAbsent(uri,
                key -> new ClosingDestination(folder.resolve(key.substring("closing://".length())), slowness)));
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(PlanBAutoConfiguration.class))
                .withUserConfiguration(PlanBAutoConfigurationTests.OneDatabase.class)
                .withBean(DestinationResolver.class, () -> closing)
                .withPropertyValues("planb.preflight=false", "planb.schedule=1d");
    }

    @Test
    void theRuntimeRunsWhileTheContextRunsAndEveryDestinationIsClosedOnShutdown() {
        ConfigurableApplicationContext[] app = new ConfigurableApplicationContext[1];
        runner(Duration.ZERO).withPropertyValues("planb.destinations.here.uri=closing://here",
                "planb.destinations.there.uri=closing://there",
                "planb.plans.other.database.url=jdbc:h2:mem:other;DB_CLOSE_DELAY=-1",
                "planb.plans.other.destinations.elsewhere.uri=closing://elsewhere")
                .run(context -> {
                    app[0] = context.getSourceApplicationContext();
                    assertThat(context.getBean(PlanBLifecycle.class).isRunning()).isTrue();
                    assertThat(context.getBean(PlanB.class).nextRun("app")).isPresent();
                    assertThat(made).hasSize(3);
                    assertThat(made.values()).noneMatch(ClosingDestination::isClosed);
                });
        assertThat(app[0].isActive()).isFalse();
        assertThat(made.values()).hasSize(3).allMatch(ClosingDestination::isClosed);
    }

    @Test
    void aBackupRunningAtShutdownFinishesWithinTheShutdownGrace() {
        runner(Duration.ofSeconds(2)).withPropertyValues("planb.destinations.here.uri=closing://here",
                "planb.shutdown-grace=60s")
                .run(context -> awaitRunning(context.getBean(PlanB.class)));
        assertThat(PlanB.catalog(new LocalDirectoryDestination(folder.resolve("here"))).backups("app")).hasSize(1);
        assertThat(made.get("closing://here").isClosed()).isTrue();
    }

    @Test
    void aBackupStillRunningAfterTheShutdownGraceIsCancelledAndLeavesNothing() {
        runner(Duration.ofMinutes(5)).withPropertyValues("planb.destinations.here.uri=closing://here",
                "planb.shutdown-grace=200ms")
                .run(context -> awaitRunning(context.getBean(PlanB.class)));
        assertThat(PlanB.catalog(new LocalDirectoryDestination(folder.resolve("here"))).backups("app")).isEmpty();
        assertThat(made.get("closing://here").isClosed()).isTrue();
    }

    /** The catch-up backup at start-up is running. */
    private static void awaitRunning(PlanB planB) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> planB.status("app").orElseThrow().state() == PlanState.RUNNING);
    }
}
