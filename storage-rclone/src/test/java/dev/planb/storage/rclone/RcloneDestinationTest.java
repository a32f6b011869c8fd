/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.rclone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.spi.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.spi.StoredObject;
import dev.planb.testing.CuttingProxy;
import dev.planb.testing.RcloneServer;
import dev.planb.testing.RcloneServer.Folder;
import dev.planb.testing.RcloneServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the contract kit does not cover: failures a user meets, write-only remotes, the URI. */
@ExtendWith(RcloneServerExtension.class)
class RcloneDestinationTest {

    @TempDir
    Path dir;

    RcloneServer rclone;

    @BeforeEach
    void server(RcloneServer rclone) {
        this.rclone = rclone;
    }

    @Test
    void theUriReachesTheRemoteFolderAndItsDescriptionHoldsNoSecret() throws Exception {
        Folder folder = rclone.newWebDavFolder();
        RcloneDestination destination = RcloneUri.builder("rclone://" + folder.remotePath()).config(rclone.config())
                .build();
        put(destination, "plan/1/x.bin", new byte[] {1, 2, 3});

        assertThat(folder.onDisk().resolve("plan/1/x.bin")).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(destination.list("plan/")).containsExactly(new StoredObject("plan/1/x.bin", 3));
        assertThat(destination.description()).isEqualTo("rclone://" + folder.remotePath())
                .doesNotContain(rclone.password());
    }

    @Test
    void aRemoteMissingFromTheConfigIsNamedWithWhatToDo() throws Exception {
        RcloneDestination destination = RcloneUri.builder("rclone://nosuchremote:backups").config(rclone.config())
                .build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains("rclone has no remote named 'nosuchremote' in " + rclone.config(),
                    "rclone config").doesNotContain("\n");
        });
        assertThatThrownBy(() -> put(destination, "plan/1/x.bin", new byte[1000])).isInstanceOf(PlanBException.class)
                .hasMessageContaining("no remote named 'nosuchremote'");
    }

    @Test
    void aWrongPasswordInTheConfigIsNamedAndNeverShown() throws Exception {
        Path config = rclone.configWithPassword("not-the-password");
        RcloneDestination destination = RcloneUri.builder("rclone://" + rclone.newWebDavFolder().remotePath())
                .config(config).build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains("the remote 'dav' refused rclone's credentials", "rclone config")
                    .doesNotContain("not-the-password").doesNotContain("\n");
        });
    }

    @Test
    void aKilledUploadFailsTheWriteAndLeavesNothingListed() throws Exception {
        RcloneDestination destination = RcloneUri.builder("rclone://" + rclone.newWebDavFolder().remotePath())
                .config(rclone.config()).build();
        assertThatThrownBy(() -> {
            try (ObjectWriter writer = destination.create("plan/1/data.bin")) {
                writer.write(bytes(256 * 1024));
                ProcessHandle.current().descendants()
                        .filter(process -> process.info().commandLine().orElse("").contains(" rcat "))
                        .forEach(ProcessHandle::destroyForcibly);
                for (int i = 0; i < 64; i++) {
                    writer.write(bytes(256 * 1024));
                }
                writer.commit();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("Cannot write to " + destination.description())
                .hasMessageContaining("rclone rcat failed");
        assertThat(destination.list("")).isEmpty();
        assertThatThrownBy(() -> destination.open("plan/1/data.bin")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFullDiskIsNamedAndLeavesNothing() throws Exception {
        Path limited = dir.resolve("rclone-with-1MiB-files");
        Files.writeString(limited, "#!/bin/bash\ntrap '' XFSZ\nulimit -f 1024\nexec rclone \"$@\"\n");
        Files.setPosixFilePermissions(limited, PosixFilePermissions.fromString("rwx------"));
        Folder folder = rclone.newLocalFolder();
        RcloneDestination destination = RcloneUri.builder("rclone://" + folder.remotePath() + "?rclone=" + limited)
                .config(rclone.config()).build();
        assertThatThrownBy(() -> put(destination, "plan/1/data.bin", bytes(4 * 1024 * 1024)))
                .isInstanceOf(IOException.class).hasMessageContaining("usually a full disk or quota")
                .hasMessageContaining("plan/1/data.bin");
        assertThat(destination.list("")).isEmpty();
    }

    @Test
    void writeOnlyNeverDeletes() throws Exception {
        Folder folder = rclone.newLocalFolder();
        RcloneDestination destination = RcloneUri.builder("rclone://" + folder.remotePath() + "?writeOnly=true")
                .config(rclone.config()).build();
        put(destination, "plan/1/x.bin", new byte[] {9});
        assertThat(destination.canDelete()).isFalse();
        assertThatThrownBy(() -> destination.delete("plan/1/x.bin")).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED));
        assertThat(folder.onDisk().resolve("plan/1/x.bin")).exists();
    }

    @Test
    void readsStopEarlyWithoutHarmAndEmptyObjectsReadBackEmpty() throws Exception {
        RcloneDestination destination = RcloneUri.builder("rclone://" + rclone.newWebDavFolder().remotePath())
                .config(rclone.config()).build();
        byte[] content = bytes(1024 * 1024);
        put(destination, "plan/1/data.bin", content);
        put(destination, "plan/1/empty.bin", new byte[0]);
        try (InputStream in = destination.open("plan/1/data.bin")) {
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOf(content, 10));
        }
        try (InputStream in = destination.open("plan/1/empty.bin")) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(destination.list("plan/1/")).containsExactlyInAnyOrder(new StoredObject("plan/1/data.bin", content.length),
                new StoredObject("plan/1/empty.bin", 0));
    }

    @Test
    void aMissingRcloneBinaryNamesThePackage() {
        RcloneDestination destination = RcloneUri.builder("rclone://disk:/x?rclone=/nonexistent/rclone").build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOf(PlanBException.class)
                .hasMessageContaining("apt-get install -y rclone").hasMessageContaining("rclone=PATH");
    }

    @Test
    void badUrisAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> RcloneUri.parse("rclone://backups")).hasMessageContaining("names no remote");
        assertThatThrownBy(() -> RcloneUri.parse("rclone://:sftp,host=h,pass=secret:dir"))
                .hasMessageContaining("names no remote");
        assertThatThrownBy(() -> RcloneUri.parse("rclone://s3,access_key_id=AKIA:bucket"))
                .hasMessageContaining("connection strings can carry secrets");
        assertThatThrownBy(() -> RcloneUri.parse("rclone://disk:/x?delete=no")).hasMessageContaining("unknown parameter");
    }

    @Test
    void aReadGoesOnWhereTheConnectionBrokeOff() throws Exception {
        Folder folder = rclone.newWebDavFolder();
        byte[] content = bytes(8 * 1024 * 1024);
        // Written through the server, whose directory cache would not see a file put on its disk.
        put(RcloneUri.builder("rclone://" + folder.remotePath()).config(rclone.config()).build(), "plan/1/x.bin", content);

        // Every connection to the server is broken off after 3 MiB of its response.
        try (CuttingProxy proxy = new CuttingProxy(rclone.port(), 3 * 1024 * 1024)) {
            Path config = Files.writeString(dir.resolve("rclone.conf"), Files.readString(rclone.config())
                    .replace("127.0.0.1:" + rclone.port(), "127.0.0.1:" + proxy.port()));
            RcloneDestination destination = RcloneUri.builder("rclone://" + folder.remotePath()).config(config).build();
            try (InputStream in = destination.open("plan/1/x.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(proxy.cuts()).as("connections broken off mid-response").isGreaterThan(0);
        }
    }

    private static void put(RcloneDestination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
