/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(OpenSshServerExtension.class)
class SftpDestinationContractTest extends AbstractDestinationContractTest {

    private OpenSshServer sshd;
    private SftpDestination destination;

    @BeforeEach
    void server(OpenSshServer sshd) {
        this.sshd = sshd;
    }

    @AfterEach
    void disconnect() {
        if (destination != null) {
            destination.close();
        }
    }

    @Override
    protected Destination destination() throws Exception {
        destination = TestServers.newDestination(sshd);
        return destination;
    }
}
