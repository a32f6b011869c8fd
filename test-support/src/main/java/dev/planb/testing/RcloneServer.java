/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * A real networked rclone remote for tests: {@code rclone serve webdav} on a free loopback port,
 * behind a random user and password, with an {@code rclone.conf} beside it that names two
 * remotes: {@value #WEBDAV_REMOTE} (that server, its password obscured as {@code rclone config}
 * stores it) and {@value #LOCAL_REMOTE} (a plain local folder). Use it through
 * {@link RcloneServerExtension} (one per JVM); a missing {@code rclone} fails the test and names
 * the package to install.
 *
 * <pre>{@code
 * @ExtendWith(RcloneServerExtension.class)
 * class MyTest {
 *     @Test void uploads(RcloneServer rclone) { ... rclone.config() ... rclone.newWebDavPath() ... }
 * }
 * }</pre>
 */
public final class RcloneServer implements AutoCloseable {

    /** The remote that reaches the WebDAV server. */
    public static final String WEBDAV_REMOTE = "dav";
    /** A remote on the local disk. */
    public static final String LOCAL_REMOTE = "disk";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final int port;
    private final String user;
    private final String password;
    private final Process process;

    private RcloneServer(Path home, int port, String user, String password, Process process) {
        this.home = home;
        this.port = port;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    /**
     * Starts the WebDAV server with a new random account, writes the config file and waits until the server
     * listens (up to 20 seconds). Stop it with {@link #close()}.
     *
     * @return the running server
     * @throws IllegalStateException naming the Debian package when rclone is missing, or with its log when it
     *     stops at start or does not listen in time
     * @throws IOException when its temporary folder or config file cannot be written, or {@code rclone obscure}
     *     fails
     * @throws InterruptedException when interrupted while rclone runs or while waiting for it to listen
     */
    public static RcloneServer start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("planb-rclone-");
        Files.createDirectories(home.resolve("webdav"));
        Files.createDirectories(home.resolve("local"));
        String user = "planb" + HexFormat.of().formatHex(random(3));
        String password = HexFormat.of().formatHex(random(12));
        int port = ServerProcesses.freePort();
        writeConfig(home.resolve("rclone.conf"), port, user, password);
        ProcessBuilder builder = new ProcessBuilder("rclone", "serve", "webdav", home.resolve("webdav").toString(),
                "--addr", "127.0.0.1:" + port, "--config", home.resolve("rclone.conf").toString())
                .redirectErrorStream(true).redirectOutput(home.resolve("serve.log").toFile());
        // The credentials go through the environment, as rclone reads any flag from RCLONE_<FLAG>.
        builder.environment().putAll(Map.of("RCLONE_USER", user, "RCLONE_PASS", password));
        RcloneServer server = new RcloneServer(home, port, user, password, start(builder));
        ServerProcesses.awaitListening(server.process, port, START_TIMEOUT, "rclone serve webdav", server::log);
        return server;
    }

    /**
     * {@return the config file naming the remotes {@value #WEBDAV_REMOTE} and {@value #LOCAL_REMOTE}} Give it to
     * rclone with {@code --config}.
     */
    public Path config() {
        return home.resolve("rclone.conf");
    }

    /**
     * Writes a config file like {@link #config()} whose {@value #WEBDAV_REMOTE} remote logs in with another
     * password, e.g. a wrong one, to test how a refused login is reported.
     *
     * @param otherPassword the password the new file holds, obscured as {@code rclone config} stores it
     * @return the new config file, in the server's folder
     * @throws IOException when the file cannot be written or {@code rclone obscure} fails
     * @throws InterruptedException when interrupted while {@code rclone obscure} runs
     */
    public Path configWithPassword(String otherPassword) throws IOException, InterruptedException {
        Path file = Files.createTempFile(home, "rclone-", ".conf");
        writeConfig(file, port, user, otherPassword);
        return file;
    }

    private static void writeConfig(Path file, int port, String user, String password)
            throws IOException, InterruptedException {
        Files.writeString(file, String.join("\n",
                "[" + WEBDAV_REMOTE + "]",
                "type = webdav",
                "url = http://127.0.0.1:" + port + "/",
                "vendor = other",
                "user = " + user,
                "pass = " + obscure(password),
                "",
                "[" + LOCAL_REMOTE + "]",
                "type = local",
                ""));
    }

    /** {@return the port the WebDAV server listens on, on 127.0.0.1} */
    public int port() {
        return port;
    }

    /** {@return the user name of the WebDAV account, random for each server} */
    public String user() {
        return user;
    }

    /** {@return the WebDAV account's password, in clear (the config file holds it obscured)} */
    public String password() {
        return password;
    }

    /**
     * {@return a new, empty folder on the WebDAV server: its path on the remote and where it lies on disk}
     *
     * @throws IOException when the folder cannot be created
     */
    public Folder newWebDavFolder() throws IOException {
        String name = UUID.randomUUID().toString();
        return new Folder(WEBDAV_REMOTE + ":" + name, Files.createDirectories(home.resolve("webdav").resolve(name)));
    }

    /**
     * {@return a new, empty folder for the remote {@value #LOCAL_REMOTE}: its path on the remote and on disk}
     *
     * @throws IOException when the folder cannot be created
     */
    public Folder newLocalFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("local").resolve(UUID.randomUUID().toString()));
        return new Folder(LOCAL_REMOTE + ":" + folder, folder);
    }

    /**
     * A folder on one of the remotes.
     *
     * @param remotePath the folder as rclone names it, {@code REMOTE:PATH}
     * @param onDisk where its files lie on this machine
     */
    public record Folder(String remotePath, Path onDisk) {
    }

    /**
     * {@return the server's log so far, for assertion messages}
     *
     * @throws IOException when the log cannot be read
     */
    public String log() throws IOException {
        return Files.readString(home.resolve("serve.log"));
    }

    /**
     * Stops the server (forcibly after 10 seconds) and deletes its folder.
     *
     * @throws IOException when a file of the folder cannot be deleted
     * @throws InterruptedException when interrupted while waiting for the server to stop
     */
    @Override
    public void close() throws IOException, InterruptedException {
        ServerProcesses.stop(process, home);
    }

    @Override
    public String toString() {
        return "RcloneServer[webdav 127.0.0.1:" + port + "]";
    }

    /** The password as rclone's config stores it, read from stdin so it is never a process argument. */
    private static String obscure(String password) throws IOException, InterruptedException {
        Process process = start(new ProcessBuilder("rclone", "obscure", "-").redirectErrorStream(true));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(password.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IOException("rclone obscure failed: " + output);
        }
        return output;
    }

    private static Process start(ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The rclone tests need rclone: install it (Debian: apt-get install -y "
                    + "rclone), then run the tests again", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }
}
