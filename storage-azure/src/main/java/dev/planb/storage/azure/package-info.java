/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Backups in Azure Blob Storage: {@link dev.planb.storage.azure.AzureBlobDestination} stages block
 * blobs and commits them last, sets access tiers and version-level immutability, and reads the
 * immutability back.
 */
package dev.planb.storage.azure;
