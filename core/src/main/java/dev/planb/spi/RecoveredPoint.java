/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * The point a restore reached.
 *
 * @param reached the commit time of the last transaction replayed, or empty when the log held none after
 *     the first backup (the database is then as the first backup left it)
 * @param detail one line on how recovery ended, for people
 */
public record RecoveredPoint(Optional<Instant> reached, String detail) {
}
