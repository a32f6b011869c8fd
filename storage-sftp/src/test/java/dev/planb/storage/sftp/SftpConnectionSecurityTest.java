/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.testing.OpenSshServer;
import dev.planb.testing.OpenSshServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(OpenSshServerExtension.class)
class SftpConnectionSecurityTest {

    @TempDir
    Path dir;

    OpenSshServer sshd;
    Path folder;

    @BeforeEach
    void server(OpenSshServer sshd) throws Exception {
        this.sshd = sshd;
        this.folder = sshd.newFolder();
    }

    @Test
    void changedHostKeyIsRefusedShowingTheNewFingerprint() throws Exception {
        Path otherKey = dir.resolve("other_host_key");
        OpenSshServer.generateKey(otherKey);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, sshd.knownHostsLine(otherKey.resolveSibling("other_host_key.pub")));
        SftpDestination destination = TestServers.builder(sshd, folder).knownHosts(knownHosts).build();

        assertRefused(() -> destination.list(""), "DIFFERENT host key", sshd.hostKeyFingerprint(),
                "ssh-keygen -R '[127.0.0.1]:" + sshd.port() + "'", knownHosts.toString());
        assertThat(Files.readString(knownHosts)).as("never edited")
                .isEqualTo(sshd.knownHostsLine(otherKey.resolveSibling("other_host_key.pub")));
    }

    @Test
    void unknownHostIsRefusedSayingHowToTrustIt() throws Exception {
        Path knownHosts = dir.resolve("empty_known_hosts");
        SftpDestination destination = TestServers.builder(sshd, folder).knownHosts(knownHosts).build();

        assertRefused(() -> destination.create("plan/1/data.bin"), "is not in " + knownHosts, "(no such file)",
                sshd.hostKeyFingerprint(), "ssh-keyscan -p " + sshd.port() + " 127.0.0.1 >> " + knownHosts,
                "hostKey=" + sshd.hostKeyFingerprint());
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void pinnedFingerprintIsAcceptedAndAnyOtherRefused() throws Exception {
        SftpDestination pinned = TestServers.builder(sshd, folder).knownHosts(null)
                .hostKeyFingerprint(sshd.hostKeyFingerprint()).build();
        assertThat(pinned.list("")).isEmpty();
        pinned.close();

        String wrong = "SHA256:" + "x".repeat(43);
        SftpDestination mismatched = TestServers.builder(sshd, folder).knownHosts(null).hostKeyFingerprint(wrong).build();
        assertRefused(() -> mismatched.list(""), "is not the expected one", "hostKey pins " + wrong,
                sshd.hostKeyFingerprint());
    }

    @Test
    void acceptingAnyHostKeyWorksButWarnsOnEveryConnection() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SftpDestination destination = TestServers.builder(sshd, folder).knownHosts(null).acceptAnyHostKey().build();
            destination.list("");
            destination.close();
            destination.list("");
            destination.close();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log.split("Host key checking is OFF", -1)).hasSize(3);
        assertThat(log).contains(sshd.hostKeyFingerprint());
    }

    @Test
    void wrongClientKeyIsRefusedNamingUserAndKey() throws Exception {
        Path wrongKey = dir.resolve("wrong_key");
        OpenSshServer.generateKey(wrongKey);
        SftpDestination destination = TestServers.builder(sshd, folder).identity(wrongKey).build();

        assertRefused(() -> destination.list(""), "refused the login of user '" + sshd.user() + "'",
                "private key " + wrongKey, "authorized_keys");
    }

    @Test
    void anInMemoryKeyLogsInWithItsPassphraseAndNotWithoutIt() throws Exception {
        Path key = dir.resolve("protected_key");
        OpenSshServer.generateKey(key, "correct horse battery");
        sshd.authorize(dir.resolve("protected_key.pub"));
        Secret privateKey = Secret.of(Files.readString(key));

        SftpDestination withPassphrase = TestServers.builder(sshd, folder).identity(null).identityKey(privateKey)
                .passphrase(Secret.of("correct horse battery")).build();
        assertThat(withPassphrase.list("")).isEmpty();
        withPassphrase.close();

        SftpDestination wrongPassphrase = TestServers.builder(sshd, folder).identity(null).identityKey(privateKey)
                .passphrase(Secret.of("wrong staple")).build();
        assertThatThrownBy(() -> wrongPassphrase.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).doesNotContain("wrong staple").doesNotContain("PRIVATE KEY");
        });
        assertThat(wrongPassphrase.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void closedPortAndUnknownHostSayWhatToCheck() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SftpDestination noServer = TestServers.builder(sshd, folder).port(closedPort).build();
        assertRefused(() -> noServer.list(""), "Cannot connect to the SFTP server 127.0.0.1:" + closedPort,
                "sshd runs there");

        SftpDestination noHost = TestServers.builder(sshd, folder).host("no-such-host.invalid").build();
        assertRefused(() -> noHost.list(""), "host 'no-such-host.invalid' could not be resolved");
    }

    @Test
    void badSettingsFailAtBuildNamingTheSetting() {
        assertThatThrownBy(() -> SftpDestination.builder().host("h").user("u").directory("/d").build())
                .isInstanceOf(PlanBException.class).hasMessageContaining("no credentials");
        assertThatThrownBy(() -> TestServers.builder(sshd, folder).identity(dir.resolve("missing")).build())
                .hasMessageContaining("identity file " + dir.resolve("missing") + " does not exist");
        assertThatThrownBy(() -> TestServers.builder(sshd, folder).hostKeyFingerprint("SHA256:abc").build())
                .hasMessageContaining("choose one of knownHosts");
        assertThatThrownBy(() -> TestServers.builder(sshd, folder).knownHosts(null).hostKeyFingerprint("abc").build())
                .hasMessageContaining("is not a SHA256 fingerprint");
        assertThatThrownBy(() -> TestServers.builder(sshd, folder).port(70000).build())
                .hasMessageContaining("port 70000");
    }

    private static void assertRefused(ThrowingCallable call, String... expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains(expected).doesNotContain("\n");
        });
    }
}
