/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Backups on any rclone remote: {@link dev.planb.storage.rclone.RcloneDestination} drives the
 * {@code rclone} binary, so every backend rclone knows becomes a PlanB destination, with its
 * secrets left in rclone's own config file.
 */
package dev.planb.storage.rclone;
