/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * No restore drill of a plan has passed within its verification policy's maximum age: its backups
 * are not proven to restore, whether or not any drill failed.
 *
 * @param plan the plan's name
 * @param time when it was noticed
 * @param lastPassed when the newest passing drill finished, if there is one
 * @param maxAge the policy's maximum age
 */
public record VerificationStale(String plan, Instant time, Optional<Instant> lastPassed, Duration maxAge)
        implements PlanBEvent {
}
