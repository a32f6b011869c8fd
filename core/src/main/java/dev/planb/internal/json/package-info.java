/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * How PlanB's stored JSON (manifests, verification records, holds, files indexes) maps to its types: one mapper,
 * and the manifest's mapping as mix-ins, so that no public type carries a Jackson annotation. No compatibility
 * promise.
 */
package dev.planb.internal.json;
