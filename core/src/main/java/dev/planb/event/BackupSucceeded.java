/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.BackupResult;
import java.time.Duration;
import java.time.Instant;

/**
 * A backup is stored on at least one destination. {@link BackupResult#failures()} names the
 * destinations that did not get it.
 *
 * @param plan the plan's name
 * @param time when it finished
 * @param result the manifest and the result per destination
 * @param duration how long the run took
 */
public record BackupSucceeded(String plan, Instant time, BackupResult result, Duration duration)
        implements PlanBEvent {
}
