/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.Progress;
import java.time.Instant;

/**
 * How far a long backup or restore has come: bytes and rate.
 *
 * @param plan the plan's name
 * @param time when it was measured
 * @param progress bytes so far, expected total and rate
 */
public record BackupProgress(String plan, Instant time, Progress progress) implements PlanBEvent {
}
