/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.event;

import dev.planb.verify.VerificationResult;
import java.time.Instant;

/**
 * A backup passed verification.
 *
 * @param plan the plan's name
 * @param time when the verification finished
 * @param result what was checked
 */
public record Verified(String plan, Instant time, VerificationResult result) implements PlanBEvent {
}
