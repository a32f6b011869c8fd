/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.hold;

import java.time.Instant;

/** What a release object holds on storage ({@code release-<hold-id>.json}); written once. */
record ReleaseFile(int formatVersion, String plan, String backupId, String holdId, Instant releasedAt, String reason) {
}
