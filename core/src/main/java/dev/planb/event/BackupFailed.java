/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.ErrorCode;
import java.time.Duration;
import java.time.Instant;

/**
 * A backup run failed: no destination shows a new backup.
 *
 * @param plan the plan's name
 * @param time when it failed
 * @param code what kind of failure
 * @param message one line a person can act on; never holds a secret
 * @param duration how long the run took before failing
 */
public record BackupFailed(String plan, Instant time, ErrorCode code, String message,
        Duration duration) implements PlanBEvent {
}
