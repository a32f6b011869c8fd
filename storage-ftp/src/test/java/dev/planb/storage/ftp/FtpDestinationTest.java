/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.spi.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.StoredObject;
import dev.planb.testing.VsftpdServer;
import dev.planb.testing.VsftpdServerExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the contract kit does not cover: failures a user meets, write-only accounts, the URI. */
@ExtendWith(VsftpdServerExtension.class)
class FtpDestinationTest {

    @TempDir
    Path dir;

    VsftpdServer ftp;

    @BeforeEach
    void server(VsftpdServer ftp) {
        this.ftp = ftp;
    }

    @Test
    void theUriFormReachesTheSameFolderWithThePasswordFromTheEnvironment() throws Exception {
        Path folder = ftp.newFolder();
        String uri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + folder;
        FtpDestination fromUri = FtpUri.builder(uri, variable -> variable.equals("PLANB_FTP_PASSWORD")
                ? ftp.password() : null).build();
        put(fromUri, "plan/1/x.bin", new byte[] {1, 2, 3});

        assertThat(fromUri.list("")).containsExactly(new StoredObject("plan/1/x.bin", 3));
        assertThat(folder.resolve("plan/1/x.bin")).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(fromUri.description()).isEqualTo(uri).doesNotContain(ftp.password());
        assertThat(fromUri.toString()).doesNotContain(ftp.password());
    }

    @Test
    void thePasswordCanComeFromAFileAndNeverFromTheUri() throws Exception {
        Path passwordFile = dir.resolve("ftp-password");
        Files.writeString(passwordFile, ftp.password() + "\n");
        Path folder = ftp.newFolder();
        String uri = "ftp://" + ftp.user() + "@127.0.0.1:" + ftp.port() + folder + "?passwordFile=" + passwordFile;
        assertThat(FtpUri.builder(uri, variable -> null).build().list("")).isEmpty();

        assertThatThrownBy(() -> FtpUri.builder("ftp://u:hunter2@h/d", variable -> null))
                .isInstanceOf(PlanBException.class).hasMessageContaining("never put one in the URI")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> FtpUri.builder("ftp://u@h/d", variable -> null).build())
                .hasMessageContaining("set PLANB_FTP_PASSWORD or give passwordFile=FILE");
        assertThatThrownBy(() -> FtpUri.builder("ftp://u@h/d?implicit=true", variable -> null))
                .hasMessageContaining("ftps://…?implicit=true");
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheUserAndNeverShowingThePassword() throws Exception {
        FtpDestination destination = TestServers.builder(ftp, ftp.newFolder()).password(Secret.of("not-the-password"))
                .build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains("refused the login of user '" + ftp.user() + "'", "530",
                    "check the user name and the password").doesNotContain("not-the-password").doesNotContain("\n");
        });
    }

    @Test
    void aClosedPortSaysWhatToCheck() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FtpDestination destination = TestServers.builder(ftp, ftp.newFolder()).port(closedPort).build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOf(PlanBException.class)
                .hasMessageContaining("Cannot connect to the FTP server 127.0.0.1:" + closedPort)
                .hasMessageContaining("the port is right");
    }

    @Test
    void aFolderTheUserMayNotWriteIsNamedWithTheUser() throws Exception {
        Path locked = Files.createDirectories(dir.resolve("root-only"));
        FtpDestination destination = TestServers.builder(ftp, locked).build();
        assertThatThrownBy(() -> destination.create("plan/1/data.bin")).isInstanceOf(IOException.class)
                .hasMessageContaining(destination.description())
                .hasMessageContaining("check that user '" + ftp.user() + "' may write to " + locked);
    }

    @Test
    void aFullDiskOnTheServerIsNamedAndLeavesNothing() throws Exception {
        try (VsftpdServer small = VsftpdServer.start(VsftpdServer.options().fileSizeLimit(1024))) {
            FtpDestination destination = TestServers.newDestination(small);
            assertThatThrownBy(() -> put(destination, "plan/1/data.bin", bytes(8 * 1024 * 1024)))
                    .isInstanceOf(IOException.class).hasMessageContaining("usually a full disk or quota")
                    .hasMessageContaining("plan/1/data.bin").hasMessageContaining(destination.description());
            assertThat(destination.list("")).isEmpty();
        }
    }

    @Test
    void aConnectionDroppedMidUploadFailsTheUploadAndLeavesNothing() throws Exception {
        try (VsftpdServer server = VsftpdServer.start()) {
            FtpDestination destination = TestServers.newDestination(server);
            assertThatThrownBy(() -> {
                try (ObjectWriter writer = destination.create("plan/1/data.bin")) {
                    writer.write(bytes(256 * 1024));
                    writer.flush();
                    server.dropSessions();
                    for (int i = 0; i < 64; i++) {
                        writer.write(bytes(256 * 1024));
                    }
                    writer.commit();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("broke off")
                    .hasMessageContaining(destination.description());
            assertThat(destination.list("")).isEmpty();
            assertThatThrownBy(() -> destination.open("plan/1/data.bin"))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class);
        }
    }

    @Test
    void anAccountWithoutDeleteIsRefusedClearlyAndWriteOnlyNeverTries() throws Exception {
        try (VsftpdServer noDelete = VsftpdServer.start(VsftpdServer.options().deny("DELE", "RMD"))) {
            FtpDestination destination = TestServers.newDestination(noDelete);
            put(destination, "plan/1/data.bin", new byte[] {7});
            assertThatThrownBy(() -> destination.delete("plan/1/data.bin"))
                    .isInstanceOfSatisfying(PlanBException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED);
                        assertThat(e.getMessage()).contains("plan/1/data.bin", "550", "this account cannot delete");
                    });
            assertThat(destination.list("")).containsExactly(new StoredObject("plan/1/data.bin", 1));

            FtpDestination writeOnly = TestServers.builder(noDelete, noDelete.newFolder()).writeOnly(true).build();
            assertThat(writeOnly.canDelete()).isFalse();
            put(writeOnly, "plan/1/data.bin", new byte[] {7});
            assertThat(writeOnly.checkProtection().toString()).doesNotContain(noDelete.password());
            assertThatThrownBy(() -> writeOnly.delete("plan/1/data.bin")).isInstanceOfSatisfying(PlanBException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.DELETE_NOT_PERMITTED));
        }
    }

    @Test
    void readsStopEarlyWithoutHarmAndReadTheWholeObjectOtherwise() throws Exception {
        FtpDestination destination = TestServers.newDestination(ftp);
        byte[] content = bytes(2 * 1024 * 1024);
        put(destination, "plan/1/data.bin", content);
        try (InputStream in = destination.open("plan/1/data.bin")) {
            assertThat(in.readNBytes(10)).isEqualTo(java.util.Arrays.copyOf(content, 10));
        }
        try (InputStream in = destination.open("plan/1/data.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aReadThatBreaksOffGoesOnFromWhereItStoppedOnANewConnection() throws Exception {
        try (VsftpdServer server = VsftpdServer.start()) {
            FtpDestination destination = TestServers.newDestination(server);
            byte[] content = bytes(8 * 1024 * 1024);
            put(destination, "plan/1/data.bin", content);
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            try (InputStream in = destination.open("plan/1/data.bin")) {
                read.write(in.readNBytes(1024 * 1024));
                server.dropSessions();
                in.transferTo(read);
            }

            assertThat(read.size()).isEqualTo(content.length);
            assertThat(read.toByteArray()).isEqualTo(content);
        }
    }

    @Test
    void deletingTheLastObjectOfABackupRemovesItsEmptyFolders() throws Exception {
        Path folder = ftp.newFolder();
        FtpDestination destination = TestServers.builder(ftp, folder).build();
        put(destination, "plan/1/data.bin", new byte[] {1});
        put(destination, "plan/2/data.bin", new byte[] {2});
        destination.delete("plan/1/data.bin");
        assertThat(folder.resolve("plan/1")).doesNotExist();
        assertThat(folder.resolve("plan/2/data.bin")).exists();
        assertThat(folder).exists();
    }

    @Test
    void badSettingsFailAtBuildNamingTheSetting() {
        assertThatThrownBy(() -> FtpDestination.builder().host("h").user("u").password(Secret.of("p")).directory("d")
                .build()).isInstanceOf(PlanBException.class).hasMessageContaining("directory 'd' is not absolute");
        assertThatThrownBy(() -> FtpDestination.builder().host("h").user("u").password(Secret.of("p")).directory("/d")
                .certificate(Path.of("/x.pem")).build()).hasMessageContaining("certificate is only for FTPS");
        assertThatThrownBy(() -> FtpDestination.builder().host("h").user("u").directory("/d").build())
                .hasMessageContaining("no password");
    }

    static void put(FtpDestination destination, String key, byte[] content) throws IOException {
        try (ObjectWriter writer = destination.create(key)) {
            writer.write(content);
            writer.commit();
        }
    }

    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
