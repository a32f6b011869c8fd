/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Implementation details of PlanB, one sub-package per concern: {@code run} (one backup, restore
 * or log-chain run), {@code pipeline} (the streaming stages of one artifact), {@code stream}
 * (counting, verifying and fan-out streams), {@code tool} (external processes). No compatibility
 * promise: anything here may change in any release, and no module outside core may import it.
 */
package dev.planb.internal;
