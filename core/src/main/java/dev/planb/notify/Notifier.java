/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.event.PlanBListener;
import dev.planb.spi.NotificationChannel;
import dev.planb.spi.NotificationKind;

/**
 * A {@link PlanBListener} that tells people about a plan's events. {@link #onEvent} returns at
 * once: delivery happens on the notifier's own thread, and a delivery failure is logged, never
 * thrown. Close it when the application stops, to deliver what is still queued.
 *
 * <pre>{@code
 * Notifier pager = Notifier.of(notification -> myPager.page(notification.headline()),
 *         NotificationKind.FAILED, NotificationKind.STALE, NotificationKind.RECOVERED);
 * }</pre>
 */
public interface Notifier extends PlanBListener, AutoCloseable {

    /**
     * A notifier that sends {@code kinds} through {@code channel}, with flood control: at most one
     * alert per run, one stale alert until the next backup, and a "recovered" message.
     *
     * @param channel where the notifications go, e.g. a pager's API
     * @param kinds what to send; none means {@link NotificationKind#ALERTS}
     * @return the notifier, delivering on its own thread
     */

    static Notifier of(NotificationChannel channel, NotificationKind... kinds) {
        return new ChannelNotifier(channel, NotificationKinds.setOf(kinds));
    }

    /** Delivers what is queued (waiting a few seconds at most), then stops the delivery thread. */
    @Override
    void close();
}
