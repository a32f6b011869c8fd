/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.spi.ObjectWriter;
import dev.planb.spi.StoredObject;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract kit does not cover: threads, the shared connection, the idle timeout, the URI. */
@ExtendWith(OpenSshServerExtension.class)
class SftpDestinationTest {

    OpenSshServer sshd;

    @BeforeEach
    void server(OpenSshServer sshd) {
        this.sshd = sshd;
    }

    @Test
    void writtenOnOneThreadAndCommittedOnAnotherAsThePipelineDoes() throws Exception {
        try (SftpDestination destination = TestServers.newDestination(sshd)) {
            byte[] content = bytes(2 * 1024 * 1024);
            ObjectWriter writer = destination.create("plan/1/data.bin");
            Thread writing = new Thread(() -> {
                try {
                    writer.write(content);
                    writer.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writing.start();
            writing.join();
            Thread.sleep(200); // the writing thread is gone before the commit talks to the server

            writer.commit();
            writer.close();

            try (InputStream in = destination.open("plan/1/data.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        }
    }

    @Test
    void threadsWritingAtOnceShareOneLogin() throws Exception {
        int loginsBefore = logins();
        List<Future<?>> uploads = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try (SftpDestination destination = TestServers.newDestination(sshd)) {
            for (int i = 0; i < 6; i++) {
                String key = "plan/" + i + "/data.bin";
                uploads.add(threads.submit(() -> {
                    try (ObjectWriter writer = destination.create(key)) {
                        writer.write(bytes(512 * 1024));
                        writer.commit();
                    }
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            assertThat(destination.list("")).hasSize(6).allMatch(object -> object.size() == 512 * 1024);
        } finally {
            threads.shutdown();
        }
        assertThat(logins() - loginsBefore).isEqualTo(1);
    }

    @Test
    void anIdleConnectionIsClosedAndReopenedWhenNeeded() throws Exception {
        int loginsBefore = logins();
        try (SftpDestination destination = TestServers.builder(sshd, sshd.newFolder())
                .idleTimeout(Duration.ofMillis(200)).build()) {
            assertThat(destination.list("")).isEmpty();
            Thread.sleep(1_000);
            assertThat(destination.list("")).isEmpty();
        }
        assertThat(logins() - loginsBefore).isEqualTo(2);
    }

    @Test
    void theUriFormReachesTheSameFolderAndHidesNoSecretInItsDescription() throws Exception {
        var folder = sshd.newFolder();
        try (SftpDestination fromUri = SftpUri.builder(TestServers.uri(sshd, folder), variable -> null).build()) {
            try (ObjectWriter writer = fromUri.create("plan/1/x.bin")) {
                writer.write(new byte[] {1, 2, 3});
                writer.commit();
            }
            assertThat(fromUri.description()).isEqualTo("sftp://" + sshd.user() + "@127.0.0.1:" + sshd.port() + folder);
            assertThat(fromUri.list("")).containsExactly(new StoredObject("plan/1/x.bin", 3));
        }
        assertThat(folder.resolve("plan/1/x.bin")).hasBinaryContent(new byte[] {1, 2, 3});
    }

    @Test
    void aFullDiskOnTheServerIsNamedAndLeavesNothing() throws Exception {
        try (OpenSshServer small = OpenSshServer.startWithFileSizeLimit(1024);
                SftpDestination destination = TestServers.newDestination(small)) {
            assertThatThrownBy(() -> {
                try (ObjectWriter writer = destination.create("plan/1/data.bin")) {
                    writer.write(bytes(3 * 1024 * 1024));
                    writer.commit();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("SSH_FX_FAILURE")
                    .hasMessageContaining("usually a full disk or quota").hasMessageContaining("plan/1/data.bin");
            assertThat(destination.list("")).isEmpty();
        }
    }

    @Test
    void aFolderTheUserMayNotWriteIsNamedWithTheUser() throws Exception {
        try (SftpDestination destination = TestServers.builder(sshd, sshd.newFolder()).directory("/sys/planb-test")
                .build()) {
            assertThatThrownBy(() -> destination.create("plan/1/data.bin")).isInstanceOf(IOException.class)
                    .hasMessageContaining("permission denied on /sys/planb-test")
                    .hasMessageContaining("give user '" + sshd.user() + "' access to it");
        }
    }

    @Test
    void aReadThatBreaksOffGoesOnFromWhereItStoppedOnANewConnection() throws Exception {
        try (SftpDestination destination = TestServers.newDestination(sshd)) {
            byte[] content = bytes(8 * 1024 * 1024);
            try (ObjectWriter writer = destination.create("plan/1/data.bin")) {
                writer.write(content);
                writer.commit();
            }
            int loginsBefore = logins();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try (InputStream in = destination.open("plan/1/data.bin")) {
                read.write(in.readNBytes(1024 * 1024));
                sshd.dropSessions();
                in.transferTo(read);
            }

            assertThat(read.toByteArray()).isEqualTo(content);
            assertThat(logins() - loginsBefore).as("logins after the first read").isEqualTo(1);
        }
    }

    private int logins() throws Exception {
        return sshd.log().split("Accepted publickey", -1).length - 1;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
