/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import java.time.Duration;

/**
 * Everything needed to reach the server, as checked by {@link SftpDestination.Builder#build()}.
 *
 * @param host the server's host name or address
 * @param port its SSH port
 * @param user the account to log in as
 * @param directory the folder backups go to: absolute, or relative to the account's home
 * @param credentials how to log in
 * @param hostKeys how the server's host key is checked
 * @param connectTimeout how long connecting and logging in may take
 * @param readTimeout how long the server may stay silent before the connection is given up
 * @param idleTimeout how long an unused connection stays open
 */
record SftpSettings(String host, int port, String user, String directory, SftpCredentials credentials,
        HostKeyVerifier hostKeys, Duration connectTimeout, Duration readTimeout, Duration idleTimeout) {

    /** {@code sftp://user@host:port/directory}: no secrets. */
    String description() {
        String path = directory.startsWith("/") ? directory : "/~/" + directory;
        return "sftp://" + user + "@" + host + (port == 22 ? "" : ":" + port) + path;
    }
}
