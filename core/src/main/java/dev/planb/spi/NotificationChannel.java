/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

/**
 * Sends a notification somewhere: a chat webhook, an e-mail, a pager. Called on the notifier's
 * delivery thread, never on a backup's; it may block up to its own timeout.
 */
@FunctionalInterface
public interface NotificationChannel {

    /**
     * Sends one notification.
     *
     * @param notification what to send
     * @throws Exception when it could not be delivered; the message is logged, so it must not hold
     *     a secret
     */
    void deliver(Notification notification) throws Exception;

    /**
     * {@return a short, secret-free description for log lines}, e.g. {@code Slack webhook hooks.slack.com};
     * by default the class's name, or {@code Custom notifier} for a lambda or anonymous class.
     */
    default String description() {
        String name = getClass().getSimpleName();
        return name.isEmpty() || name.contains("$$Lambda") ? "Custom notifier" : name;
    }
}
