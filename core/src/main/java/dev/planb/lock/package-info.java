/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * One runner per plan across application instances: the {@link dev.planb.spi.PlanLock} SPI and
 * its built-in implementations.
 */
package dev.planb.lock;
