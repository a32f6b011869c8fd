/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.Secret;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationChannel;
import java.util.function.Function;

/** Sends notifications as a JSON POST to a webhook URL. */
final class WebhookChannel implements NotificationChannel {

    private final Secret url;
    private final Function<Notification, ObjectNode> body;
    private final HttpPoster poster;
    private final String description;

    WebhookChannel(Secret url, Function<Notification, ObjectNode> body, HttpPoster poster, String description) {
        this.url = url;
        this.body = body;
        this.poster = poster;
        this.description = description;
    }

    @Override
    public void deliver(Notification notification) throws Exception {
        poster.post(url, "application/json", body.apply(notification).toString());
    }

    @Override
    public String description() {
        return description;
    }
}
