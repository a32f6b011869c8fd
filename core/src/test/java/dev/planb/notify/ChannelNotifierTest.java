/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static dev.planb.notify.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.planb.spi.Notification;
import dev.planb.spi.NotificationChannel;
import dev.planb.spi.NotificationKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A custom channel behind {@link Notifier#of}: delivered off the caller's thread, failures contained. */
class ChannelNotifierTest {

    @Test
    void aCustomChannelGetsTheChosenKindsOnItsOwnThread() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (Notifier notifier = Notifier.of(notification -> delivered.add(notification.kind() + " on "
                + Thread.currentThread().getName()), NotificationKind.FAILED, NotificationKind.SUCCEEDED)) {
            notifier.onEvent(Events.started(T0));
            notifier.onEvent(Events.failed(T0.plusSeconds(1)));
            notifier.onEvent(Events.stale(T0.plusSeconds(2), T0.minusSeconds(100_000)));
            notifier.onEvent(Events.succeeded(T0.plusSeconds(3)));
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.size() == 2);
        }
        assertThat(delivered).containsExactly("FAILED on planb-notify Custom notifier",
                "SUCCEEDED on planb-notify Custom notifier");
    }

    @Test
    void aChannelThatThrowsIsLoggedAndTheNextNotificationStillGoesOut() {
        AtomicInteger attempts = new AtomicInteger();
        NotificationChannel flaky = new NotificationChannel() {
            @Override
            public void deliver(Notification notification) {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("pager is down");
                }
            }

            @Override
            public String description() {
                return "pager";
            }
        };
        try (Notifier notifier = Notifier.of(flaky)) {
            notifier.onEvent(Events.failed(T0));
            notifier.onEvent(Events.failed(T0.plusSeconds(60)));
            await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() == 2);
            assertThat(notifier).hasToString("Notifier[pager]");
        }
    }
}
