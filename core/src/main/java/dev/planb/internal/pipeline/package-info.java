/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The streaming pipeline of one artifact: dump stream, compression, encryption, SHA-256 and fan-out
 * to every destination, with cancellation. No compatibility promise.
 */
package dev.planb.internal.pipeline;
