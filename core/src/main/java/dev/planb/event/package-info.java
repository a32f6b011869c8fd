/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * What happened: every backup, prune and verification run is reported as a {@link
 * dev.planb.event.PlanBEvent} to the {@link dev.planb.event.PlanBListener}s registered on the
 * runtime. Notifiers, status and metrics are listeners.
 */
package dev.planb.event;
