/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.Secret;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything needed to reach the server, as checked by {@link FtpDestination.Builder#build()}.
 *
 * @param host the server's host name or address
 * @param port its control port
 * @param user the account to log in as
 * @param password the account's password
 * @param directory the absolute folder backups go to, without a trailing slash (or {@code /})
 * @param security plain FTP or which kind of FTPS
 * @param certificate the PEM certificate(s) to trust for FTPS, or {@code null} for the JVM's trust store
 * @param writeOnly whether the account may not delete, so PlanB never tries
 * @param connectTimeout how long connecting and logging in may take
 * @param dataTimeout how long the server may stay silent during a transfer or a command
 */
record FtpSettings(String host, int port, String user, Secret password, String directory, FtpSecurity security,
        Path certificate, boolean writeOnly, Duration connectTimeout, Duration dataTimeout) {

    /** {@code ftp://user@host:port/directory} or {@code ftps://…}: no secrets. */
    String description() {
        String scheme = security.tls() ? "ftps" : "ftp";
        String query = security == FtpSecurity.IMPLICIT_TLS ? "?implicit=true" : "";
        return scheme + "://" + user + "@" + host + (port == security.defaultPort() ? "" : ":" + port) + directory + query;
    }

    /** The server-side path of a key. */
    String path(String key) {
        return directory.equals("/") ? "/" + key : directory + "/" + key;
    }

    @Override
    public String toString() {
        return "FtpSettings[" + description() + "]";
    }
}
