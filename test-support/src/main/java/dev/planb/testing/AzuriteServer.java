/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real Azure Blob Storage emulator for tests: Azurite's blob service ({@code azurite-blob}, from
 * npm) on a free loopback port, in a temporary folder, with Azurite's well-known development
 * account. Use it through {@link AzuriteServerExtension} (one per JVM); a missing
 * {@code azurite-blob} fails the test and says how to install it. Azurite does not enforce
 * immutability policies or legal holds: tests can check what is set and read back, not that a
 * delete is refused.
 *
 * <pre>{@code
 * @ExtendWith(AzuriteServerExtension.class)
 * class MyTest {
 *     @Test void uploads(AzuriteServer azurite) { ... azurite.connectionString() ... azurite.newContainerName() ... }
 * }
 * }</pre>
 */
public final class AzuriteServer implements AutoCloseable {

    /** Azurite's development account. */
    public static final String ACCOUNT = "devstoreaccount1";
    /** Its key, published in Azurite's documentation (not a secret). */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final int port;
    private final Process process;

    private AzuriteServer(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the blob service and waits until it listens (up to a minute). Stop it with {@link #close()}.
     *
     * @return the running server
     * @throws IllegalStateException saying how to install Azurite when {@code azurite-blob} is missing, or with
     *     its log when it stops at start or does not listen in time
     * @throws IOException when its temporary folder or free port cannot be had
     * @throws InterruptedException when interrupted while waiting for it to listen
     */
    public static AzuriteServer start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("planb-azurite-");
        int port = ServerProcesses.freePort();
        Process process;
        try {
            process = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                    "--location", home.resolve("data").toString(), "--silent", "--skipApiVersionCheck", "--loose")
                    .redirectErrorStream(true).redirectOutput(home.resolve("azurite.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("The Azure tests need Azurite's azurite-blob: install it (npm install -g "
                    + "azurite@3.37.0; Node.js from Debian: apt-get install -y nodejs npm), then run the tests again", e);
        }
        AzuriteServer server = new AzuriteServer(home, port, process);
        ServerProcesses.awaitListening(process, port, START_TIMEOUT, "Azurite", server::log);
        return server;
    }

    /** {@return the blob endpoint, path-style: {@code http://127.0.0.1:PORT/devstoreaccount1}} */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /**
     * {@return a connection string for the development account on this server} It holds
     * {@link #ACCOUNT_KEY}, which is public.
     */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + endpoint() + ";";
    }

    /** {@return the port the blob service listens on, on 127.0.0.1} */
    public int port() {
        return port;
    }

    /**
     * {@return a new container name, valid for Azure and unique} The test creates the container itself, with the
     * SDK it tests.
     */
    public static String newContainerName() {
        return "planb-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
    }

    /**
     * {@return the server's log so far, for assertion messages}
     *
     * @throws IOException when the log cannot be read
     */
    public String log() throws IOException {
        return Files.readString(home.resolve("azurite.log"));
    }

    /**
     * Stops the server (forcibly after 10 seconds) and deletes its folder.
     *
     * @throws IOException when a file of the folder cannot be deleted
     * @throws InterruptedException when interrupted while waiting for the server to stop
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        ServerProcesses.stop(process, home);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "AzuriteServer[" + endpoint() + "]";
    }
}
