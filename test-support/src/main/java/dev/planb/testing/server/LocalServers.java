/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the throwaway servers share: finding installed binaries (a missing one fails naming the
 * Debian package), running commands as the service's system user when the tests run as root, a
 * free loopback port, and removing the server's folder at exit.
 */
final class LocalServers {

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private LocalServers() {
    }

    /** The first executable among {@code candidates}, or an error naming the Debian package to install. */
    static Path binary(String debianPackage, Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(candidates[0].getFileName() + " not found (looked at " + List.of(candidates)
                + "): install the Debian package " + debianPackage + " (apt-get install -y " + debianPackage
                + "), or run scripts/test.sh, which installs it");
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin/<name>}, if any. */
    static Optional<Path> newestPostgresBinary(String name) {
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> listing = Files.list(versions)) {
            return listing.filter(version -> version.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin").resolve(name))
                    .filter(Files::isExecutable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the tests run as root, so servers must run as their own system user. */
    static boolean root() {
        return ROOT;
    }

    /** {@code command}, run as {@code user} when the tests run as root (servers refuse root). */
    static List<String> as(String user, List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** A new folder for a server, owned by {@code user} when the tests run as root. */
    static Path folder(String prefix, String user) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        if (ROOT) {
            run(List.of("chown", user + ":", folder.toString()));
        }
        return folder;
    }

    /** Runs a command to its end, failing with its output when it fails. */
    static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    /** A TCP port free on the loopback interface now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a server's folder and everything in it. */
    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + folder + ": " + e);
        }
    }
}
