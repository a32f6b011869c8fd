/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.support.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

    static final String TOKEN = "T0KEN-xoxb-123456789";

    HttpReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new HttpReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    Secret url(String path) {
        return Secret.of(receiver.url() + path + TOKEN);
    }

    JsonNode deliver(Notifier notifier, String expectedPath) throws Exception {
        try (notifier) {
            notifier.onEvent(Events.failed(Events.T0));
            HttpReceiver.Request request = receiver.next();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(expectedPath);
            assertThat(request.contentType()).isEqualTo("application/json");
            return Json.mapper().readTree(request.body());
        }
    }

    @Test
    void slackGetsBlockKitWithHeadlineFactsAndNextStep() throws Exception {
        JsonNode body = deliver(Webhook.slack(url("/services/")).build(), "/services/" + TOKEN);

        assertThat(body.get("text").asText()).isEqualTo("PlanB: backup of 'app' FAILED");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(1).get("type").asText()).isEqualTo("section");
        assertThat(blocks.get(1).get("fields").get(0).get("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).get("fields").findValuesAsText("text"))
                .contains("*Plan*\napp", "*Error*\nDATABASE_UNAVAILABLE");
        assertThat(blocks.get(2).get("text").get("text").asText()).startsWith("*Next step:* Check that the database");
    }

    @Test
    void teamsGetsAnAdaptiveCard() throws Exception {
        JsonNode body = deliver(Webhook.teams(url("/workflows/")).build(), "/workflows/" + TOKEN);

        assertThat(body.get("type").asText()).isEqualTo("message");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.get("content");
        assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.get("version").asText()).isEqualTo("1.4");
        assertThat(card.get("body").get(0).get("text").asText()).isEqualTo("PlanB: backup of 'app' FAILED");
        assertThat(card.get("body").get(0).get("color").asText()).isEqualTo("Attention");
        JsonNode facts = card.get("body").get(1);
        assertThat(facts.get("type").asText()).isEqualTo("FactSet");
        assertThat(facts.get("facts").get(0).get("title").asText()).isEqualTo("Plan");
        assertThat(facts.get("facts").get(0).get("value").asText()).isEqualTo("app");
        assertThat(card.get("body").get(2).get("text").asText()).startsWith("Next step: ");
    }

    @Test
    void discordGetsAnEmbedWithFields() throws Exception {
        JsonNode body = deliver(Webhook.discord(url("/api/webhooks/1/")).build(), "/api/webhooks/1/" + TOKEN);

        JsonNode embed = body.get("embeds").get(0);
        assertThat(body.get("username").asText()).isEqualTo("PlanB");
        assertThat(embed.get("title").asText()).isEqualTo("PlanB: backup of 'app' FAILED");
        assertThat(embed.get("color").asInt()).isEqualTo(0xD93025);
        assertThat(embed.get("timestamp").asText()).isEqualTo(Events.T0.toString());
        assertThat(embed.get("description").asText()).startsWith("Next step: ");
        assertThat(embed.get("fields").get(0).get("name").asText()).isEqualTo("Plan");
        assertThat(embed.get("fields").get(0).get("value").asText()).isEqualTo("app");
        assertThat(embed.get("fields").get(0).get("inline").asBoolean()).isTrue();
    }

    @Test
    void telegramCallsSendMessageWithTheBotTokenInThePath() throws Exception {
        Notifier telegram = Webhook.telegram(Secret.of(TOKEN), "-1001234567890")
                .telegramApi(URI.create(receiver.url())).build();

        JsonNode body = deliver(telegram, "/bot" + TOKEN + "/sendMessage");

        assertThat(body.get("chat_id").asText()).isEqualTo("-1001234567890");
        assertThat(body.get("text").asText()).startsWith("PlanB: backup of 'app' FAILED\n\nPlan: app\n")
                .contains("Message: Cannot open jdbc:sqlite:/var/lib/app/app.db", "Next step: ");
        assertThat(body.has("parse_mode")).as("plain text: nothing to escape").isFalse();
    }

    @Test
    void genericJsonCarriesEveryField() throws Exception {
        JsonNode body = deliver(Webhook.json(url("/hook/")).build(), "/hook/" + TOKEN);

        assertThat(body.get("plan").asText()).isEqualTo("app");
        assertThat(body.get("kind").asText()).isEqualTo("FAILED");
        assertThat(body.get("time").asText()).isEqualTo(Events.T0.toString());
        assertThat(body.get("problem").asBoolean()).isTrue();
        assertThat(body.get("headline").asText()).isEqualTo("PlanB: backup of 'app' FAILED");
        assertThat(body.get("facts").get("Error").asText()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(body.get("nextStep").asText()).startsWith("Check that the database");
    }

    @Test
    void retriesServerErrorsWithBackoffThenDelivers() throws Exception {
        receiver.answering(503, 500);
        try (Notifier notifier = Webhook.json(url("/hook/")).retries(3, Duration.ofMillis(50)).build()) {
            notifier.onEvent(Events.failed(Events.T0));
            HttpReceiver.Request first = receiver.next();
            receiver.next();
            HttpReceiver.Request third = receiver.next();
            assertThat(Duration.ofNanos(third.arrivedNanos() - first.arrivedNanos())).as("50 ms, then 100 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(third.body()).contains("FAILED");
            assertThat(receiver.poll(Duration.ofMillis(300))).as("delivered on the third attempt").isNull();
        }
    }

    @Test
    void aRefusalIsNotRetriedAndItsMessageHidesTheToken() throws Exception {
        receiver.answering(404);
        HttpPoster poster = new HttpPoster(Duration.ofSeconds(5), 3, Duration.ofMillis(10));

        assertThatThrownBy(() -> poster.post(url("/hook/"), "application/json", "{}"))
                .isInstanceOf(IOException.class)
                .hasMessage("refused (HTTP 404 error 404): check its URL or token")
                .hasMessageNotContaining(TOKEN);
        receiver.next();
        assertThat(receiver.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotDelayTheCaller() throws Exception {
        receiver.delaying(Duration.ofSeconds(30));
        HttpPoster poster = new HttpPoster(Duration.ofMillis(200), 1, Duration.ofMillis(10));
        assertThatThrownBy(() -> poster.post(url("/hook/"), "application/json", "{}"))
                .hasMessageStartingWith("failed 2 attempt(s), the last with HttpTimeoutException")
                .hasMessageNotContaining(TOKEN);

        Notifier notifier = Webhook.json(url("/hook/")).timeout(Duration.ofMillis(200)).retries(0, Duration.ZERO)
                .build();
        long start = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            notifier.onEvent(Events.failed(Events.T0.plusSeconds(i))); // more than the queue holds: dropped, not blocking
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        long closing = System.nanoTime();
        notifier.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(7));
    }

    @Test
    void theUrlNeverShowsInErrorsOrToString() {
        Notifier notifier = Webhook.slack(Secret.of("https://hooks.slack.com/services/" + TOKEN)).build();
        assertThat(notifier.toString()).isEqualTo("Notifier[Slack webhook hooks.slack.com]").doesNotContain(TOKEN);
        notifier.close();

        assertThatThrownBy(() -> Webhook.discord(Secret.of("ftp://discord.com/" + TOKEN)).build())
                .isInstanceOf(PlanBException.class)
                .hasMessage("Discord notifier: the URL must start with https:// (it is a secret, so it is not shown here)");
        assertThatThrownBy(() -> Webhook.teams(Secret.of("https://x/ " + TOKEN)).build())
                .hasMessageContaining("Teams notifier: the URL is not valid").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> Webhook.json(Secret.of("https://example.com/" + TOKEN)).timeout(Duration.ZERO).build())
                .hasMessage("JSON notifier: timeout must be positive, e.g. Duration.ofSeconds(10)");
        assertThatThrownBy(() -> Webhook.telegram(Secret.of(TOKEN), " "))
                .hasMessage("Telegram notifier: chat id is empty: give the chat's numeric id or @channelname");
    }
}
