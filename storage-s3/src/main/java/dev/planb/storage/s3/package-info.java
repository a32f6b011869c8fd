/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * S3 storage for PlanB: {@link dev.planb.storage.s3.S3Destination} (AWS or any S3-compatible
 * server), its {@code s3://} URIs ({@link dev.planb.storage.s3.S3DestinationUri}) and
 * {@link dev.planb.storage.s3.ObjectLock}.
 */
package dev.planb.storage.s3;
