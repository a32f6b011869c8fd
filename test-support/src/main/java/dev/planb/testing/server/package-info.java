/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Throwaway database servers for integration tests, started from the binaries installed on the
 * machine (no Docker needed): {@link dev.planb.testing.server.PostgresServer} and
 * {@link dev.planb.testing.server.MariaDbServer}. A missing binary
 * fails the test, naming the Debian package to install.
 */
package dev.planb.testing.server;
