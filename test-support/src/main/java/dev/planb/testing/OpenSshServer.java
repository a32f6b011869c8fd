/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd} on a free loopback port, in a temporary
 * folder, with a throwaway host key and client key, letting in only the user running the tests,
 * for SFTP only. Use it through {@link OpenSshServerExtension}, which starts one per JVM and stops
 * it at the end; a missing {@code sshd} fails the test and names the package to install.
 *
 * <pre>{@code
 * @ExtendWith(OpenSshServerExtension.class)
 * class MyTest {
 *     @Test void uploads(OpenSshServer sshd) { ... sshd.port() ... sshd.clientKey() ... }
 * }
 * }</pre>
 */
public final class OpenSshServer implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path home;
    private final int port;
    private final Process process;

    private OpenSshServer(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a server with new host and client keys and waits until it listens (up to 20 seconds). Stop it with
     * {@link #close()}.
     *
     * @return the running server
     * @throws IllegalStateException naming the Debian package when {@code sshd} or {@code ssh-keygen} is missing,
     *     or with its log when it stops at start or does not listen in time
     * @throws IOException when its temporary folder, keys or configuration cannot be written
     * @throws InterruptedException when interrupted while making keys or waiting for it to listen
     */
    public static OpenSshServer start() throws IOException, InterruptedException {
        return start(0);
    }

    /**
     * Starts a server whose files cannot grow beyond {@code kibibytes}: a write past the limit
     * fails on the server exactly as on a full disk ({@code SSH_FX_FAILURE}). Stop it with
     * {@link #close()}; it is not shared.
     *
     * @param kibibytes the largest file size, in KiB ({@code ulimit -f})
     * @return the running server
     * @throws IllegalArgumentException when {@code kibibytes} is not positive
     * @throws IllegalStateException as {@link #start()}
     * @throws IOException as {@link #start()}
     * @throws InterruptedException as {@link #start()}
     */
    public static OpenSshServer startWithFileSizeLimit(int kibibytes) throws IOException, InterruptedException {
        if (kibibytes <= 0) {
            throw new IllegalArgumentException("the limit must be positive: " + kibibytes);
        }
        return start(kibibytes);
    }

    private static OpenSshServer start(int fileSizeLimitKibibytes) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException("The SFTP tests need a real OpenSSH server at " + SSHD
                    + ": install it (Debian: apt-get install -y openssh-server), then run the tests again");
        }
        Path home = Files.createTempDirectory("planb-sshd-");
        generateKey(home.resolve("host_key"));
        generateKey(home.resolve("client_key"));
        Files.copy(home.resolve("client_key.pub"), home.resolve("authorized_keys"));
        Files.createDirectories(home.resolve("files"));
        privilegeSeparationFolder();
        int port = ServerProcesses.freePort();
        Files.writeString(home.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + home.resolve("host_key"),
                "PidFile " + home.resolve("sshd.pid"),
                "AuthorizedKeysFile " + home.resolve("authorized_keys"),
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "AllowUsers " + System.getProperty("user.name"),
                "Subsystem sftp internal-sftp",
                "ForceCommand internal-sftp",
                ""));
        List<String> command = new ArrayList<>();
        if (fileSizeLimitKibibytes > 0) {
            // The limit is inherited by the SFTP server; with SIGXFSZ ignored, a write past it fails with EFBIG.
            command.addAll(List.of("bash", "-c", "trap '' XFSZ; ulimit -f " + fileSizeLimitKibibytes + "; exec \"$@\"",
                    "sshd"));
        }
        command.addAll(List.of(SSHD.toString(), "-D", "-f", home.resolve("sshd_config").toString(),
                "-E", home.resolve("sshd.log").toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(home.resolve("sshd.out").toFile()).start();
        OpenSshServer server = new OpenSshServer(home, port, process);
        ServerProcesses.awaitListening(process, port, START_TIMEOUT, "sshd",
                () -> Files.readString(home.resolve("sshd.out")) + server.log());
        return server;
    }

    /** {@return the host to connect to: {@code 127.0.0.1}} */
    public String host() {
        return "127.0.0.1";
    }

    /** {@return the port the server listens on} */
    public int port() {
        return port;
    }

    /** {@return the only user the server lets in: the one running the tests} */
    public String user() {
        return System.getProperty("user.name");
    }

    /** {@return the file of the private key the server accepts, which has no passphrase} */
    public Path clientKey() {
        return home.resolve("client_key");
    }

    /**
     * {@return a {@code known_hosts} file that lists this server's host key} It is written on the first call.
     *
     * @throws IOException when the file cannot be written
     */
    public Path knownHosts() throws IOException {
        Path file = home.resolve("known_hosts");
        if (!Files.exists(file)) {
            Files.writeString(file, knownHostsLine(home.resolve("host_key.pub")));
        }
        return file;
    }

    /**
     * Makes a {@code known_hosts} line for this server with another key, e.g. to test a host key mismatch.
     *
     * @param publicKeyFile an OpenSSH public key file ({@code TYPE BASE64 [COMMENT]})
     * @return the line, {@code [127.0.0.1]:PORT TYPE BASE64} and a newline, that trusts that key for this server
     * @throws IOException when the key file cannot be read
     */
    public String knownHostsLine(Path publicKeyFile) throws IOException {
        String[] key = Files.readString(publicKeyFile).strip().split(" ");
        return "[" + host() + "]:" + port + " " + key[0] + " " + key[1] + "\n";
    }

    /**
     * {@return the fingerprint of the server's host key, as {@code ssh-keygen -lf} prints it ({@code SHA256:…})}
     *
     * @throws IOException when {@code ssh-keygen} fails
     * @throws InterruptedException when interrupted while it runs
     */
    public String hostKeyFingerprint() throws IOException, InterruptedException {
        String output = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", home.resolve("host_key.pub").toString()));
        return output.split(" ")[1];
    }

    /**
     * {@return a new, empty folder on the server: an absolute path the test user can write}
     *
     * @throws IOException when the folder cannot be created
     */
    public Path newFolder() throws IOException {
        Path folder = home.resolve("files").resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * {@return the server's log so far, for assertion messages; empty when it has written none}
     *
     * @throws IOException when the log cannot be read
     */
    public String log() throws IOException {
        Path log = home.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * Creates a new ed25519 key pair without a passphrase with {@code ssh-keygen}.
     *
     * @param file where the private key goes; the public key goes to {@code file.pub}; neither may exist
     * @throws IllegalStateException naming the Debian package when {@code ssh-keygen} is missing
     * @throws IOException when {@code ssh-keygen} fails, with its output
     * @throws InterruptedException when interrupted while it runs
     */
    public static void generateKey(Path file) throws IOException, InterruptedException {
        generateKey(file, "");
    }

    /**
     * Creates a new ed25519 key pair whose private key is encrypted with {@code passphrase}, with {@code ssh-keygen}.
     *
     * @param file where the private key goes; the public key goes to {@code file.pub}; neither may exist
     * @param passphrase the passphrase; empty for none. It is passed as an argument of {@code ssh-keygen}, so use
     *     throwaway test passphrases only
     * @throws IllegalStateException naming the Debian package when {@code ssh-keygen} is missing
     * @throws IOException when {@code ssh-keygen} fails, with its output
     * @throws InterruptedException when interrupted while it runs
     */
    public static void generateKey(Path file, String passphrase) throws IOException, InterruptedException {
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "planb-test", "-f", file.toString()));
    }

    /**
     * Lets in the private key that belongs to {@code publicKeyFile}, besides {@link #clientKey()}.
     *
     * @param publicKeyFile an OpenSSH public key file, e.g. one {@link #generateKey(Path, String)} wrote
     * @throws IOException when the server's {@code authorized_keys} cannot be written
     */
    public void authorize(Path publicKeyFile) throws IOException {
        Files.writeString(home.resolve("authorized_keys"), Files.readString(publicKeyFile),
                StandardOpenOption.APPEND);
    }

    /**
     * Cuts every open SSH session off, as a dropped network connection would: kills the server's per-session
     * processes, waits until they have ended, and keeps the listener running.
     */
    public void dropSessions() {
        ServerProcesses.dropSessions(process);
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
        return "OpenSshServer[" + host() + ":" + port + "]";
    }

    /** sshd insists on its privilege separation folder when run as root. */
    private static void privilegeSeparationFolder() {
        try {
            Files.createDirectories(Path.of("/run/sshd"));
        } catch (IOException e) {
            // Not root: sshd does not need it then.
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("The SFTP tests need " + command.get(0)
                    + ": install it (Debian: apt-get install -y openssh-client)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
