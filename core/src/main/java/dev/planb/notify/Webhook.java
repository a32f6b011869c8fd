/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Notifiers that POST JSON to a chat service or any HTTP endpoint. The URL is a {@link Secret}
 * because webhook URLs carry their token; it never appears in a log line or message.
 *
 * <pre>{@code
 * Notifier slack = Webhook.slack(Secret.fromEnvironment("SLACK_WEBHOOK_URL")).build();
 * Notifier teams = Webhook.teams(Secret.fromEnvironment("TEAMS_WEBHOOK_URL"))
 *         .on(NotificationKind.FAILED, NotificationKind.STALE, NotificationKind.SUCCEEDED).build();
 * Notifier telegram = Webhook.telegram(Secret.fromEnvironment("TELEGRAM_BOT_TOKEN"), "-1001234567890").build();
 * Notifier other = Webhook.json(Secret.of("https://alerts.example.com/planb")).timeout(Duration.ofSeconds(5)).build();
 * }</pre>
 */
public final class Webhook {

    /** The Telegram Bot API, unless {@link Builder#telegramApi(URI)} names another (a local Bot API server). */
    public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");

    private Webhook() {
    }

    /**
     * A Slack incoming webhook.
     *
     * @param url the webhook's URL ({@code https://hooks.slack.com/services/…}); a secret
     * @return a builder for the rest of the settings
     */
    public static Builder slack(Secret url) {
        return new Builder("Slack", url, WebhookBodies::slack);
    }

    /**
     * A Microsoft Teams webhook made with the Workflows app; the message is an Adaptive Card.
     *
     * @param url the workflow's URL; a secret
     * @return a builder for the rest of the settings
     */
    public static Builder teams(Secret url) {
        return new Builder("Teams", url, WebhookBodies::teams);
    }

    /**
     * A Discord channel webhook.
     *
     * @param url the webhook's URL ({@code https://discord.com/api/webhooks/…}); a secret
     * @return a builder for the rest of the settings
     */
    public static Builder discord(Secret url) {
        return new Builder("Discord", url, WebhookBodies::discord);
    }

    /**
     * A Telegram bot posting to a chat, through the Bot API's {@code sendMessage}.
     *
     * @param botToken the token BotFather gave
     * @param chatId the chat's id, e.g. {@code -1001234567890}, or {@code @channelname}
     * @return a builder for the rest of the settings
     * @throws PlanBException when {@code chatId} is empty
     */
    public static Builder telegram(Secret botToken, String chatId) {
        Objects.requireNonNull(botToken, "botToken");
        if (chatId == null || chatId.isBlank()) {
            throw InvalidSetting.of("Telegram", "chat id is empty: give the chat's numeric id or @channelname");
        }
        Builder builder = new Builder("Telegram", botToken, notification -> WebhookBodies.telegram(notification, chatId));
        builder.telegramApi = TELEGRAM_API;
        return builder;
    }

    /**
     * Any HTTP endpoint, receiving the notification's fields as JSON: plan, kind, time, problem, headline, facts, nextStep.
     *
     * @param url the endpoint's URL; a secret, as it often carries a token
     * @return a builder for the rest of the settings
     */
    public static Builder json(Secret url) {
        return new Builder("JSON", url, WebhookBodies::generic);
    }

    /** Builds a webhook {@link Notifier}; {@link #build()} checks the URL. */
    public static final class Builder {
        private final String service;
        private final Secret secret;
        private final Function<Notification, ObjectNode> body;
        private final HttpSettings http = new HttpSettings();
        private Set<NotificationKind> kinds = NotificationKind.ALERTS;
        private URI telegramApi;

        private Builder(String service, Secret secret, Function<Notification, ObjectNode> body) {
            this.service = service;
            this.secret = Objects.requireNonNull(secret, service + " webhook URL");
            this.body = body;
        }

        /**
         * Chooses what to send.
         *
         * @param kinds the kinds of notification; none given means {@link NotificationKind#ALERTS} (the default)
         * @return this builder
         */
        public Builder on(NotificationKind... kinds) {
            this.kinds = NotificationKinds.setOf(kinds);
            return this;
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
         * For Telegram: sets the Bot API's base URL, e.g. a local Bot API server.
         *
         * @param api the base URL (default {@link Webhook#TELEGRAM_API})
         * @return this builder
         * @throws PlanBException when this builder is not for {@link Webhook#telegram(Secret, String)}
         */
        public Builder telegramApi(URI api) {
            if (telegramApi == null) {
                throw InvalidSetting.of(service, "telegramApi is only for Webhook.telegram(...)");
            }
            this.telegramApi = Objects.requireNonNull(api, "api");
            return this;
        }

        /**
         * Checks the settings and makes the notifier.
         *
         * @return the webhook notifier
         * @throws PlanBException naming the bad setting (never the URL)

         */
        public Notifier build() {
            Secret url = telegramApi == null ? secret
                    : Secret.of(telegramApi.toString().replaceAll("/+$", "") + "/bot" + secret.reveal() + "/sendMessage");
            String description = service + " webhook " + http.checkedHost(url, service);
            return new ChannelNotifier(new WebhookChannel(url, body, http.poster(), description), kinds);
        }
    }
}
