/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.planb.spi.Notification;
import dev.planb.spi.NotificationKind;

/** The JSON bodies each chat service expects for a notification. */
final class WebhookBodies {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int RED = 0xD93025;
    private static final int GREEN = 0x1E8E3E;
    private static final int GREY = 0x5F6368;

    private WebhookBodies() {
    }

    /** Slack incoming webhook: a fallback {@code text} and Block Kit blocks. */
    static ObjectNode slack(Notification notification) {
        ObjectNode body = JSON.objectNode().put("text", notification.headline());
        ArrayNode blocks = body.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", notification.headline());
        ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
        notification.facts().entrySet().stream().limit(10).forEach(fact -> fields.addObject()
                .put("type", "mrkdwn").put("text", "*" + fact.getKey() + "*\n" + fact.getValue()));
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
                .put("text", "*Next step:* " + notification.nextStep());
        return body;
    }

    /** Microsoft Teams (Workflows webhook): a message with one Adaptive Card. */
    static ObjectNode teams(Notification notification) {
        ObjectNode body = JSON.objectNode().put("type", "message");
        ObjectNode card = body.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive").putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard").put("version", "1.4");
        ArrayNode items = card.putArray("body");
        items.addObject().put("type", "TextBlock").put("text", notification.headline()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true)
                .put("color", notification.kind().isProblem() ? "Attention" : "Good");
        ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
        notification.facts().forEach((label, value) -> facts.addObject().put("title", label).put("value", value));
        items.addObject().put("type", "TextBlock").put("text", "Next step: " + notification.nextStep())
                .put("wrap", true);
        return body;
    }

    /** Discord webhook: one embed with a field per fact. */
    static ObjectNode discord(Notification notification) {
        ObjectNode body = JSON.objectNode().put("username", "PlanB");
        ObjectNode embed = body.putArray("embeds").addObject().put("title", notification.headline())
                .put("description", "Next step: " + notification.nextStep())
                .put("color", color(notification)).put("timestamp", notification.time().toString());
        ArrayNode fields = embed.putArray("fields");
        notification.facts().entrySet().stream().limit(25).forEach(fact -> fields.addObject()
                .put("name", fact.getKey()).put("value", fact.getValue()).put("inline", true));
        return body;
    }

    /** Telegram Bot API {@code sendMessage}: plain text, so nothing needs escaping. */
    static ObjectNode telegram(Notification notification, String chatId) {
        return JSON.objectNode().put("chat_id", chatId)
                .put("text", notification.headline() + "\n\n" + notification.text())
                .put("disable_web_page_preview", true);
    }

    /** Any other receiver: the notification's fields as they are. */
    static ObjectNode generic(Notification notification) {
        ObjectNode body = JSON.objectNode().put("plan", notification.plan())
                .put("kind", notification.kind().name()).put("time", notification.time().toString())
                .put("problem", notification.kind().isProblem()).put("headline", notification.headline());
        ObjectNode facts = body.putObject("facts");
        notification.facts().forEach(facts::put);
        return body.put("nextStep", notification.nextStep());
    }

    private static int color(Notification notification) {
        if (notification.kind().isProblem()) {
            return RED;
        }
        return notification.kind() == NotificationKind.RECOVERED || notification.kind() == NotificationKind.SUCCEEDED
                ? GREEN : GREY;
    }
}
