/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import dev.planb.DatabaseSource;
import dev.planb.testing.server.PostgresServer;

class PostgresDestructiveChangeTest extends AbstractDestructiveChangeTest {

    @Override
    protected DatabaseSource newDatabase() {
        return PostgresServer.shared().newDatabase();
    }
}
