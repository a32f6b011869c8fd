/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;
import dev.planb.testing.VsftpdServer;
import dev.planb.testing.VsftpdServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VsftpdServerExtension.class)
class FtpDestinationContractTest extends AbstractDestinationContractTest {

    private VsftpdServer ftp;

    @BeforeEach
    void server(VsftpdServer ftp) {
        this.ftp = ftp;
    }

    @Override
    protected Destination destination() throws Exception {
        return TestServers.newDestination(ftp);
    }
}
