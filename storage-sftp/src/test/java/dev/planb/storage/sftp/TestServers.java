/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import dev.planb.testing.OpenSshServer;
import java.io.IOException;
import java.nio.file.Path;

/** Destinations on the test's OpenSSH server. */
final class TestServers {

    private TestServers() {
    }

    /** A builder for {@code folder} on {@code sshd}, logging in with the accepted key and trusting its host key. */
    static SftpDestination.Builder builder(OpenSshServer sshd, Path folder) throws IOException {
        return SftpDestination.builder().host(sshd.host()).port(sshd.port()).user(sshd.user())
                .directory(folder.toString()).identity(sshd.clientKey()).knownHosts(sshd.knownHosts());
    }

    /** A destination in a new, empty folder on {@code sshd}. */
    static SftpDestination newDestination(OpenSshServer sshd) throws IOException {
        return builder(sshd, sshd.newFolder()).build();
    }

    /** The {@code sftp://} URI of {@code folder} on {@code sshd}, with the accepted key and known_hosts. */
    static String uri(OpenSshServer sshd, Path folder) throws IOException {
        return "sftp://" + sshd.user() + "@" + sshd.host() + ":" + sshd.port() + folder + "?identity=" + sshd.clientKey()
                + "&knownHosts=" + sshd.knownHosts();
    }
}
