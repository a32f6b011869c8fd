/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a notifier sends, independent of the medium: a headline, the facts, and the next step.
 * Never holds a secret.
 *
 * @param plan the plan's name
 * @param kind what it is about
 * @param time when the event happened
 * @param headline one line, e.g. {@code PlanB: backup of 'app' FAILED}
 * @param facts labelled facts in display order, e.g. {@code Backup id -> 20261124T235903Z-3fa9c1}
 * @param nextStep what a person should do now, or {@code Nothing to do.}
 */
public record Notification(String plan, NotificationKind kind, Instant time, String headline,
        Map<String, String> facts, String nextStep) {

    /**
     * Copies the facts, keeping their order.
     *
     * @param plan the plan's name
     * @param kind what it is about
     * @param time when the event happened
     * @param headline one line
     * @param facts labelled facts in display order
     * @param nextStep what a person should do now
     * @throws NullPointerException if {@code kind} or {@code facts} is null
     */
    public Notification {
        Objects.requireNonNull(kind, "kind");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** {@return the facts and the next step as plain text, one per line}: the body of e-mails and chat messages. */
    public String text() {
        StringBuilder text = new StringBuilder();
        facts.forEach((label, value) -> text.append(label).append(": ").append(value).append('\n'));
        return text.append('\n').append("Next step: ").append(nextStep).toString();
    }
}
