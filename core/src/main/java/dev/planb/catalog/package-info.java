/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The on-storage layout ({@link dev.planb.spi.Layout}), the manifest that describes each
 * backup, and the {@link dev.planb.catalog.Catalog} that lists backups from manifests alone.
 */
package dev.planb.catalog;
