/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.event.PlanBEvent;
import dev.planb.spi.NotificationChannel;
import dev.planb.spi.NotificationKind;
import java.util.Set;

/** A {@link Notifier} that sends through a {@link NotificationChannel}, with flood control and asynchronous delivery. */
final class ChannelNotifier implements Notifier {

    /** How many notifications may wait for a slow receiver before new ones are dropped. */
    static final int QUEUE_CAPACITY = 100;

    private final NotificationChannel channel;
    private final FloodControl floodControl;
    private final AsyncDelivery delivery;

    ChannelNotifier(NotificationChannel channel, Set<NotificationKind> kinds) {
        this.channel = channel;
        this.floodControl = new FloodControl(kinds);
        this.delivery = new AsyncDelivery(channel.description(), QUEUE_CAPACITY);
    }

    @Override
    public void onEvent(PlanBEvent event) {
        floodControl.admit(event).ifPresent(notification ->
                delivery.submit(notification.headline(), () -> channel.deliver(notification)));
    }

    @Override
    public void close() {
        delivery.close();
    }

    @Override
    public String toString() {
        return "Notifier[" + channel.description() + "]";
    }
}
