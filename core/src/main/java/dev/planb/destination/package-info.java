/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Destinations built into the core: {@link dev.planb.destination.LocalDirectoryDestination}; and
 * {@link dev.planb.destination.ForwardingDestination}, to change one behaviour of another destination.
 */
package dev.planb.destination;
