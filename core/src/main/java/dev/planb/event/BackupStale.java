/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A plan has no successful backup within its maximum age, whether or not any run failed.
 *
 * @param plan the plan's name
 * @param time when staleness was noticed
 * @param lastSuccess when the newest successful backup finished, if there is one
 * @param maxAge the plan's maximum age
 */
public record BackupStale(String plan, Instant time, Optional<Instant> lastSuccess, Duration maxAge)
        implements PlanBEvent {
}
