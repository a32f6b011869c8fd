/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.azure;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;
import dev.planb.testing.AzuriteServer;
import dev.planb.testing.AzuriteServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AzuriteServerExtension.class)
class AzureBlobDestinationContractTest extends AbstractDestinationContractTest {

    private AzuriteServer azurite;

    @BeforeEach
    void server(AzuriteServer azurite) {
        this.azurite = azurite;
    }

    @Override
    protected Destination destination() {
        return Azurite.builder(azurite, Azurite.newContainer(azurite).getBlobContainerName()).prefix("backups")
                .blockSize(1024 * 1024).build();
    }
}
