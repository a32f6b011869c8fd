/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import dev.planb.spi.Destination;
import dev.planb.testing.AbstractDestinationContractTest;
import dev.planb.testing.RcloneServer;
import dev.planb.testing.RcloneServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract kit through rclone, to rclone's local backend. */
@ExtendWith(RcloneServerExtension.class)
class RcloneLocalContractTest extends AbstractDestinationContractTest {

    private RcloneServer rclone;

    @BeforeEach
    void server(RcloneServer rclone) {
        this.rclone = rclone;
    }

    @Override
    protected Destination destination() throws Exception {
        return RcloneUri.builder("rclone://" + rclone.newLocalFolder().remotePath()).config(rclone.config()).build();
    }
}
