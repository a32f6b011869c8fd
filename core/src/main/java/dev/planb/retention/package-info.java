/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Which backups to keep: {@link dev.planb.retention.RetentionPolicy} (restic's keep-last,
 * keep-hourly… keep-within), its pure {@link dev.planb.retention.RetentionDecision}, and {@link
 * dev.planb.retention.Pruner}, which applies a decision to a destination.
 */
package dev.planb.retention;
