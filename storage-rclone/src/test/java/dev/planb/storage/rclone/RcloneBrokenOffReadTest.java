/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.planb.spi.ObjectWriter;
import dev.planb.testing.CuttingProxy;
import dev.planb.testing.RcloneServer;
import dev.planb.testing.RcloneServer.Folder;
import dev.planb.testing.RcloneServerExtension;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Reads whose connections to the remote break off mid-response, as a flaky network ends a long download. */
@ExtendWith(RcloneServerExtension.class)
class RcloneBrokenOffReadTest {

    private static final String KEY = "app/20261207T000000Z-abcdef/database.pgdump.zst";
    private static final int SIZE = 8 * 1024 * 1024;
    private static final int CUT_AFTER = 3 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aReadGoesOnWhereTheConnectionBrokeOff(RcloneServer rclone) throws Exception {
        Folder folder = rclone.newWebDavFolder();
        byte[] content = new byte[SIZE];
        new Random(1).nextBytes(content);
        // Written through the server, whose directory cache would not see a file put on its disk.
        try (ObjectWriter writer = RcloneUri.builder("rclone://" + folder.remotePath()).config(rclone.config()).build()
                .create(KEY)) {
            writer.write(content);
            writer.commit();
        }

        try (CuttingProxy proxy = new CuttingProxy(rclone.port(), CUT_AFTER)) {
            Path config = dir.resolve("rclone.conf");
            Files.writeString(config, Files.readString(rclone.config())
                    .replace("127.0.0.1:" + rclone.port(), "127.0.0.1:" + proxy.port()));
            RcloneDestination destination = RcloneUri.builder("rclone://" + folder.remotePath()).config(config).build();
            try (InputStream in = destination.open(KEY)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(proxy.cuts()).as("connections broken off mid-response").isGreaterThan(0);
        }
    }
}
