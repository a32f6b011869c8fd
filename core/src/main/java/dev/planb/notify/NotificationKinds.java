/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.spi.NotificationKind;
import java.util.EnumSet;
import java.util.Set;

/** The kinds a notifier was asked to send. */
final class NotificationKinds {

    private NotificationKinds() {}

    /** The given kinds, or {@link NotificationKind#ALERTS} when none is given. */
    static Set<NotificationKind> setOf(NotificationKind... kinds) {
        return kinds.length == 0 ? NotificationKind.ALERTS : Set.copyOf(EnumSet.of(kinds[0], kinds));
    }
}
