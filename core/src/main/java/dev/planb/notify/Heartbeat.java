/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.event.BackupFailed;
import dev.planb.event.BackupStarted;
import dev.planb.event.BackupSucceeded;
import dev.planb.event.PlanBEvent;
import java.time.Duration;
import java.util.Objects;

/**
 * Pings a healthchecks-style URL (healthchecks.io, Uptime Kuma push, Cronitor…) for every run:
 * {@code URL/start} when a backup starts, {@code URL} when it is stored on every destination, and
 * {@code URL/fail} when it fails or a destination misses it. The service raises the alarm when a
 * ping is late or a failure, so even a dead application is noticed. The body of each ping is the
 * one-line summary, which healthchecks.io shows in its log.
 *
 * <pre>{@code
 * Notifier heartbeat = Heartbeat.to(Secret.fromEnvironment("HEALTHCHECK_URL")).build();
 * }</pre>
 */
public final class Heartbeat implements Notifier {

    private final Secret url;
    private final HttpPoster poster;
    private final String description;
    private final AsyncDelivery delivery;

    private Heartbeat(Secret url, HttpPoster poster, String description) {
        this.url = url;
        this.poster = poster;
        this.description = description;
        this.delivery = new AsyncDelivery(description, ChannelNotifier.QUEUE_CAPACITY);
    }

    /**
     * Starts a heartbeat notifier.
     *
     * @param url the check's ping URL, e.g. {@code https://hc-ping.com/<uuid>}; a secret, since
     *     whoever knows it can ping
     * @return a builder for the HTTP settings
     */
    public static Builder to(Secret url) {
        return new Builder(url);
    }

    @Override
    public void onEvent(PlanBEvent event) {
        if (event instanceof BackupStarted) {
            ping("/start", "started " + ((BackupStarted) event).backupId(), event);
        } else if (event instanceof BackupSucceeded succeeded) {
            String summary = "stored " + succeeded.result().id() + " on " + (succeeded.result().destinations().size()
                    - succeeded.result().failures().size()) + " of " + succeeded.result().destinations().size()
                    + " destination(s)";
            ping(succeeded.result().isComplete() ? "" : "/fail", summary, event);
        } else if (event instanceof BackupFailed failed) {
            ping("/fail", "failed: " + failed.message(), event);
        }
    }

    private void ping(String suffix, String summary, PlanBEvent event) {
        String base = url.reveal();
        int query = base.indexOf('?'); // e.g. healthchecks.io's ?rid= or ?create=1 stays at the end
        String path = query < 0 ? base : base.substring(0, query);
        Secret target = Secret.of(path.replaceAll("/+$", "") + suffix + (query < 0 ? "" : base.substring(query)));
        String body = "PlanB plan '" + event.plan() + "' " + summary;
        delivery.submit("ping" + (suffix.isEmpty() ? "" : " " + suffix) + " for '" + event.plan() + "'",
                () -> poster.post(target, "text/plain; charset=utf-8", body));
    }

    @Override
    public void close() {
        delivery.close();
    }

    @Override
    public String toString() {
        return "Notifier[" + description + "]";
    }

    /** Builds a {@link Heartbeat}; {@link #build()} checks the URL. */
    public static final class Builder {
        private final Secret url;
        private final HttpSettings http = new HttpSettings();

        private Builder(Secret url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * Sets the timeout to connect and for each answer.
         *
         * @param timeout a positive duration (default 10 s)
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            http.timeout = timeout;
            return this;
        }

        /**
         * Sets the retries after a network error, HTTP 429 or 5xx.
         *
         * @param retries how many times to retry, 0 or more (default 3)
         * @param backoff the wait before the first retry, doubled each time (default 1 s)
         * @return this builder
         */
        public Builder retries(int retries, Duration backoff) {
            http.retries = retries;
            http.backoff = backoff;
            return this;
        }

        /**
         * Checks the settings and makes the notifier.
         *
         * @return the heartbeat notifier
         * @throws PlanBException naming the bad setting (never the URL)

         */
        public Heartbeat build() {
            String description = "Heartbeat " + http.checkedHost(url, "Heartbeat");
            return new Heartbeat(url, http.poster(), description);
        }
    }
}
