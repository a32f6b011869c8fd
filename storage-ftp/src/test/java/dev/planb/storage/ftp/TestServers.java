/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.Secret;
import dev.planb.testing.VsftpdServer;
import java.io.IOException;
import java.nio.file.Path;

/** Destinations on the tests' vsftpd servers. */
final class TestServers {

    private TestServers() {
    }

    /** A builder for {@code folder} on {@code ftp}, logging in as its account (and trusting its certificate). */
    static FtpDestination.Builder builder(VsftpdServer ftp, Path folder) {
        return FtpDestination.builder().host(ftp.host()).port(ftp.port()).user(ftp.user())
                .password(Secret.of(ftp.password())).directory(folder.toString());
    }

    /** A destination in a new, empty folder on {@code ftp}. */
    static FtpDestination newDestination(VsftpdServer ftp) throws IOException {
        return builder(ftp, ftp.newFolder()).build();
    }
}
