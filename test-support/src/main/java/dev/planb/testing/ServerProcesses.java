/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the storage test servers (Azurite, OpenSSH, rclone, vsftpd) share: a free loopback port, waiting for the
 * started process to listen on it, ending its sessions, and stopping it and deleting its folder.
 */
final class ServerProcesses {

    private static final String HOST = "127.0.0.1";

    private ServerProcesses() {
    }

    /** What a server's failure to start adds to say why: its output, its log. */
    @FunctionalInterface
    interface Diagnostics {
        /** {@return the text, read now} */
        String read() throws IOException;
    }

    /** A TCP port free on the loopback interface now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until {@code process} listens on {@code port} of 127.0.0.1.
     *
     * @param name the server, as the failures name it (e.g. {@code sshd})
     * @param diagnostics what the failures add to say why (the server's output and log)
     * @throws IllegalStateException when the process stops first, or does not listen within {@code timeout} (it is
     *     then killed)
     */
    static void awaitListening(Process process, int port, Duration timeout, String name, Diagnostics diagnostics)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped at start (exit " + process.exitValue() + "): "
                        + diagnostics.read());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout + ": "
                + diagnostics.read());
    }

    /**
     * Ends every session of a server that serves each one in a child process (sshd, vsftpd), as a dropped network
     * connection would: kills the children and waits until they have ended; the listener keeps running.
     */
    static void dropSessions(Process server) {
        for (ProcessHandle session : server.toHandle().descendants().toList()) {
            session.destroyForcibly();
            session.onExit().join();
        }
    }

    /**
     * Stops {@code process} (forcibly after 10 seconds) and deletes {@code folder} with everything in it.
     *
     * @throws IOException when a file of the folder cannot be deleted
     * @throws InterruptedException when interrupted while waiting for the process to stop
     */
    static void stop(Process process, Path folder) throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }
}
