/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Streams of the pipeline: counting, checksum verification, fan-out to several destinations and
 * progress. No compatibility promise.
 */
package dev.planb.internal.stream;
