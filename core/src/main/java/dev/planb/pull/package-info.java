/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Pull mode: a host that production cannot reach copies complete backups out of production's
 * outbox into its own destinations, verifying every checksum on the way, so production needs
 * no credentials to the real backup store. See {@link dev.planb.pull.PullJob}.
 */
package dev.planb.pull;
