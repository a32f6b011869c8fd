/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The extension points of PlanB: what a storage module, a database engine, a lock or a notifier
 * channel implements. {@link dev.planb.spi.Destination} stores objects, {@link
 * dev.planb.spi.DatabaseEngine} dumps and restores one kind of database (found with {@link
 * java.util.ServiceLoader}), {@link dev.planb.spi.PointInTimeEngine} adds log shipping, {@link
 * dev.planb.spi.PlanLock} keeps two runs of a plan apart and {@link
 * dev.planb.spi.NotificationChannel} delivers notifications. Implementations may use {@link
 * dev.planb.spi.support} and nothing else from PlanB's implementation.
 */
package dev.planb.spi;
