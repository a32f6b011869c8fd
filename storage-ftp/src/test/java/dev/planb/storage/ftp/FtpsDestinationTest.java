/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.planb.spi.Destination;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.spi.StoredObject;
import dev.planb.testing.AbstractDestinationContractTest;
import dev.planb.testing.VsftpdServer;
import dev.planb.testing.VsftpdServer.Tls;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract kit over explicit FTPS, with the server's certificate checked; then implicit FTPS and refusals. */
class FtpsDestinationTest extends AbstractDestinationContractTest {

    static VsftpdServer ftps;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        ftps = VsftpdServer.start(VsftpdServer.options().tls(Tls.EXPLICIT));
    }

    @AfterAll
    static void stop() throws Exception {
        ftps.close();
    }

    @Override
    protected Destination destination() throws Exception {
        return tls(ftps, ftps.newFolder()).build();
    }

    @Test
    void implicitFtpsWorksWithItsOwnServer() throws Exception {
        try (VsftpdServer implicit = VsftpdServer.start(VsftpdServer.options().tls(Tls.IMPLICIT))) {
            FtpDestination destination = tls(implicit, implicit.newFolder()).security(FtpSecurity.IMPLICIT_TLS).build();
            put(destination, "plan/1/x.bin", new byte[] {4, 2});
            assertThat(destination.list("")).containsExactly(new StoredObject("plan/1/x.bin", 2));
            assertThat(destination.description()).startsWith("ftps://").endsWith("?implicit=true");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedSayingWhatToTrust() throws Exception {
        FtpDestination destination = TestServers.builder(ftps, ftps.newFolder()).security(FtpSecurity.EXPLICIT_TLS)
                .build(); // the JVM's trust store does not know the test server's self-signed certificate
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.DESTINATION_FAILED);
            assertThat(e.getMessage()).contains("TLS certificate of the FTP server 127.0.0.1:" + ftps.port()
                    + " is not trusted", "certificate=FILE").doesNotContain("\n");
        });
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        FtpDestination destination = tls(ftps, ftps.newFolder()).host("localhost").build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOf(PlanBException.class)
                .hasMessageContaining("is not trusted").hasMessageContaining("localhost");
    }

    @Test
    void aFileWithoutCertificateIsASettingError() throws Exception {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        FtpDestination destination = tls(ftps, ftps.newFolder()).certificate(notPem).build();
        assertThatThrownBy(() -> destination.list("")).isInstanceOfSatisfying(PlanBException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING)).hasMessageContaining(notPem.toString());
    }

    private static FtpDestination.Builder tls(VsftpdServer server, Path folder) {
        return TestServers.builder(server, folder).security(FtpSecurity.EXPLICIT_TLS).certificate(server.certificate());
    }
}
