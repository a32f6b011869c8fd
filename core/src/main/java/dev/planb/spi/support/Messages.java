/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.spi.support;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/** Turns exceptions into the one-line reasons PlanB's messages carry. */
public final class Messages {

    private Messages() {
    }

    /**
     * The first line of an exception's message, for one-line errors; file-system errors, whose
     * message is only a path, say what happened to it.
     *
     * @param e the exception
     * @return its message's first line, stripped; its class's simple name when it has no message
     */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException missing) {
            message = "no such file or folder: " + missing.getFile();
        } else if (e instanceof AccessDeniedException denied) {
            message = "permission denied: " + denied.getFile();
        } else if (e instanceof FileSystemException failed && failed.getReason() != null) {
            message = failed.getReason() + ": " + failed.getFile();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    /**
     * Why a server could not be reached, when a network failure is among the causes of {@code e}:
     * {@code host 'db.example' could not be resolved} or {@code the server did not accept the connection
     * (Connection refused)}; empty for any other failure. Drivers and SDKs often say only "connection failed".
     *
     * @param e the failure, whose causes are searched too
     * @return the reason, one line, or empty
     */
    public static Optional<String> unreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException unknown) {
                return Optional.of("host '" + hostOf(unknown) + "' could not be resolved");
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return Optional.of("the server could not be reached (" + firstLine(cause) + ")");
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of("the server did not answer in time (" + firstLine(cause) + ")");
            }
        }
        return Optional.empty();
    }

    /** The JDK puts the host name first: {@code db.example} or {@code db.example: Name or service not known}. */
    private static String hostOf(UnknownHostException e) {
        String message = firstLine(e);
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }
}
