/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.example;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;

/** A destination written from the SPI alone passes the same contract kit as the built-in ones. */
class InMemoryDestinationContractTest extends AbstractDestinationContractTest {

    @Override
    protected Destination destination() {
        return new InMemoryDestination("contract");
    }

    /** An abandoned in-memory writer takes its bytes with it. */
    @Override
    protected boolean leavesIncompleteWrites() {
        return false;
    }
}
