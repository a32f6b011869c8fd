/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.hold;

import dev.planb.change.TableChange;
import java.time.Instant;
import java.util.List;

/** What a hold object holds on storage ({@code hold-<id>.json}); written once. */
record HoldFile(int formatVersion, String plan, String backupId, String holdId, String reason, Instant createdAt,
        Instant expiresAt, String changedIn, List<TableChange> changes) {

    /** The format this version writes. */
    static final int FORMAT_VERSION = 1;

    HoldFile {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
