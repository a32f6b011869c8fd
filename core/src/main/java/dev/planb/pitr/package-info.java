/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Point-in-time recovery: a chain's first backup (a PostgreSQL base backup, or a MariaDB/MySQL dump
 * with its binlog coordinates) plus the transaction log shipped continuously after it, restored to
 * any moment the log covers. {@link dev.planb.runtime.LogStreamer} ships the log; this package
 * selects a chain and restores it.
 *
 * <pre>{@code
 * try (LogStreamer streamer = LogStreamer.builder(plan).build()) {
 *     streamer.run();                       // base backup, then ships the log until stop()
 * }
 * PointInTimeResult result = PlanB.restoreToPoint(PointInTimeRequest.builder()
 *         .from(destination).plan("app").target(RecoveryTarget.time(Instant.parse("2026-12-05T07:12:00Z")))
 *         .dataDirectory(Path.of("/srv/pg-restored")).build());
 * System.out.println("reached " + result.reached());
 * }</pre>
 */
package dev.planb.pitr;
