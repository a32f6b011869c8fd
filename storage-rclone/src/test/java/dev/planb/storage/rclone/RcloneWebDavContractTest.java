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

/** The contract kit through rclone, to a real WebDAV server ({@code rclone serve webdav}) on loopback. */
@ExtendWith(RcloneServerExtension.class)
class RcloneWebDavContractTest extends AbstractDestinationContractTest {

    private RcloneServer rclone;

    @BeforeEach
    void server(RcloneServer rclone) {
        this.rclone = rclone;
    }

    @Override
    protected Destination destination() throws Exception {
        return RcloneUri.builder("rclone://" + rclone.newWebDavFolder().remotePath()).config(rclone.config()).build();
    }

    /**
     * WebDAV takes no streamed uploads: rclone spools the input to a local file and uploads it once the input
     * ends, so a killed run leaves nothing on the server (the local remote's contract test finds partial files).
     */
    @Override
    protected boolean leavesIncompleteWrites() {
        return false;
    }
}
