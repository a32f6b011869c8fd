/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static dev.planb.notify.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The log notifier through the real SLF4J binding the tests use (slf4j-simple, writing to standard error). */
class LogNotifierTest {

    String logged(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void failuresAreErrorsStalenessAWarningAndSuccessInfo() {
        LogNotifier log = new LogNotifier();

        assertThat(logged(() -> log.onEvent(Events.failed(T0)))).contains("ERROR dev.planb.notify.LogNotifier",
                "Plan 'app': backup FAILED after 3s (DATABASE_UNAVAILABLE): Cannot open jdbc:sqlite:/var/lib/app/app.db");
        assertThat(logged(() -> log.onEvent(Events.stale(T0, T0.minusSeconds(30 * 3600))))).contains(
                "WARN dev.planb.notify.LogNotifier", "Plan 'app': STALE: no successful backup for 1d 6h (max age 1d 2h)");
        assertThat(logged(() -> log.onEvent(Events.succeeded(T0)))).contains("INFO dev.planb.notify.LogNotifier",
                "stored on 2 of 2 destination(s), 1.5 MiB in 42s");
        assertThat(logged(() -> log.onEvent(Events.started(T0)))).as("the backup run logs its start").isEmpty();
    }
}
