/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

/** How the connection to the FTP server is protected. */
public enum FtpSecurity {
    /** Plain FTP: the password and the backups cross the network readable. Use it only on a trusted network. */
    PLAIN,
    /** FTPS, explicit: connects to the FTP port and switches to TLS ({@code AUTH TLS}) before logging in. */
    EXPLICIT_TLS,
    /** FTPS, implicit: TLS from the first byte, usually on port 990. */
    IMPLICIT_TLS;

    /** The port servers listen on for this mode unless told otherwise. */
    int defaultPort() {
        return this == IMPLICIT_TLS ? 990 : 21;
    }

    /** Whether the connection uses TLS. */
    boolean tls() {
        return this != PLAIN;
    }
}
