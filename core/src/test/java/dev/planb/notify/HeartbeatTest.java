/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static dev.planb.notify.Events.LOCAL;
import static dev.planb.notify.Events.OFFSITE;
import static dev.planb.notify.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.DestinationResult;
import dev.planb.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void pingsStartSuccessAndFailLikeHealthchecks() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver();
                Heartbeat heartbeat = Heartbeat.to(Secret.of(receiver.url() + "/ping/5f3c-uuid/")).build()) {
            heartbeat.onEvent(Events.started(T0));
            heartbeat.onEvent(Events.succeeded(T0.plusSeconds(42)));
            heartbeat.onEvent(Events.started(T0.plusSeconds(3600)));
            heartbeat.onEvent(Events.succeeded(T0.plusSeconds(3642), DestinationResult.succeeded(LOCAL),
                    DestinationResult.failed(OFFSITE, "No space left on device")));
            heartbeat.onEvent(Events.failed(T0.plusSeconds(7200)));
            heartbeat.onEvent(Events.stale(T0.plusSeconds(9000), T0)); // the service tracks lateness itself

            HttpReceiver.Request start = receiver.next();
            assertThat(start.method()).isEqualTo("POST");
            assertThat(start.path()).isEqualTo("/ping/5f3c-uuid/start");
            assertThat(start.body()).startsWith("PlanB plan 'app' started ");
            HttpReceiver.Request success = receiver.next();
            assertThat(success.path()).isEqualTo("/ping/5f3c-uuid");
            assertThat(success.body()).matches("PlanB plan 'app' stored \\S+ on 2 of 2 destination\\(s\\)");
            assertThat(receiver.next().path()).isEqualTo("/ping/5f3c-uuid/start");
            HttpReceiver.Request partial = receiver.next();
            assertThat(partial.path()).isEqualTo("/ping/5f3c-uuid/fail");
            assertThat(partial.body()).contains("on 1 of 2 destination(s)");
            HttpReceiver.Request failed = receiver.next();
            assertThat(failed.path()).isEqualTo("/ping/5f3c-uuid/fail");
            assertThat(failed.body()).isEqualTo("PlanB plan 'app' failed: Cannot open jdbc:sqlite:/var/lib/app/app.db: no such file");
            assertThat(failed.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(receiver.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void aQueryStringStaysAtTheEnd() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver();
                Heartbeat heartbeat = Heartbeat.to(Secret.of(receiver.url() + "/ping/key/app?create=1")).build()) {
            heartbeat.onEvent(Events.failed(T0));
            HttpReceiver.Request ping = receiver.next();
            assertThat(ping.path()).isEqualTo("/ping/key/app/fail");
            assertThat(ping.query()).isEqualTo("create=1");
        }
    }

    @Test
    void itsUrlIsASecret() {
        Heartbeat heartbeat = Heartbeat.to(Secret.of("https://hc-ping.com/5f3c0b1e-secret-uuid")).build();
        assertThat(heartbeat).hasToString("Notifier[Heartbeat hc-ping.com]");
        heartbeat.close();
    }
}
