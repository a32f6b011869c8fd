/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.notify;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;

/** The error a notifier builder throws for a bad setting: it names the notifier and the setting. */
final class InvalidSetting {

    private InvalidSetting() {
    }

    static PlanBException of(String notifier, String problem) {
        return new PlanBException(ErrorCode.INVALID_SETTING, notifier + " notifier: " + problem);
    }
}
