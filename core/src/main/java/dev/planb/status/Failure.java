/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.status;

import java.time.Instant;

/**
 * The last thing that went wrong.
 *
 * @param time when
 * @param message one line, without secrets
 */
public record Failure(Instant time, String message) {
}
