/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/** Destinations built into the core: {@link dev.planb.destination.LocalDirectoryDestination}. */
package dev.planb.destination;
