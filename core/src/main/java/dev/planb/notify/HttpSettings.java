/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.PlanBException;
import dev.planb.Secret;
import java.net.URI;
import java.time.Duration;

/** The HTTP settings webhook and heartbeat builders share, checked the same way. */
final class HttpSettings {

    Duration timeout = Duration.ofSeconds(10);
    int retries = 3;
    Duration backoff = Duration.ofSeconds(1);

    /**
     * Checks the settings and the URL, and makes the poster.
     *
     * @param notifier the notifier's name, for messages
     * @return the URL's host, for secret-free descriptions
     * @throws PlanBException naming the bad setting; never quotes the URL
     */
    String checkedHost(Secret url, String notifier) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw InvalidSetting.of(notifier, "timeout must be positive, e.g. Duration.ofSeconds(10)");
        }
        if (retries < 0 || backoff == null || backoff.isNegative()) {
            throw InvalidSetting.of(notifier, "retries and backoff must not be negative");
        }
        URI uri;
        try {
            uri = URI.create(url.reveal());
        } catch (IllegalArgumentException e) {
            throw InvalidSetting.of(notifier, "the URL is not valid: copy it again (it is a secret, so it is not shown here)");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw InvalidSetting.of(notifier, "the URL must start with https:// (it is a secret, so it is not shown here)");
        }
        return uri.getHost();
    }

    /** A poster with these settings. */
    HttpPoster poster() {
        return new HttpPoster(timeout, retries, backoff);
    }
}
