/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Holds: a backup on hold is kept by every pruner until the hold is released or expires. Holds and
 * their releases are their own small objects beside the backup, each written once, so they work on
 * write-once and Object Lock storage, on destinations that refuse deletes, and on pull hosts (a pull
 * copies them). {@link dev.planb.hold.Holds} places, lists and releases them.
 */
package dev.planb.hold;
