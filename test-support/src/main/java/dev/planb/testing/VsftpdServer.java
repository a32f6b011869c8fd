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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real FTP server for tests: Debian's {@code /usr/sbin/vsftpd} on a free loopback port, in a
 * temporary folder, letting in one throwaway system account (created with {@code useradd}, removed
 * on {@link #close()}) with a random password. vsftpd logs in system accounts only, so the tests
 * run as root, as CI does. Use the plain server through {@link VsftpdServerExtension} (one per
 * JVM); start servers with TLS, a file size limit or denied commands with {@link #start(Options)}.
 *
 * <pre>{@code
 * try (VsftpdServer ftp = VsftpdServer.start(VsftpdServer.options().tls(VsftpdServer.Tls.EXPLICIT))) {
 *     ... ftp.port() ... ftp.user() ... ftp.password() ... ftp.certificate() ...
 * }
 * }</pre>
 */
public final class VsftpdServer implements AutoCloseable {

    private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");
    private static final Path EMPTY_FOLDER = Path.of("/var/run/vsftpd/empty");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    /** How the server speaks TLS. */
    public enum Tls {
        /** Plain FTP. */
        NONE,
        /** FTPS with {@code AUTH TLS} on the plain port (explicit), required for logins and data. */
        EXPLICIT,
        /** FTPS with TLS from the first byte (implicit). */
        IMPLICIT
    }

    /**
     * What to start.
     *
     * @param tls how the server speaks TLS
     * @param fileSizeLimitKibibytes when positive, a write past this size fails on the server as on a full disk
     * @param deniedCommands FTP commands the server refuses (e.g. {@code DELE}, for an account without delete)
     */
    public record Options(Tls tls, int fileSizeLimitKibibytes, List<String> deniedCommands) {

        /** The same with TLS. */
        public Options tls(Tls mode) {
            return new Options(mode, fileSizeLimitKibibytes, deniedCommands);
        }

        /** The same with a limit on file sizes: writes past it fail with "Failure writing to local file". */
        public Options fileSizeLimit(int kibibytes) {
            return new Options(tls, kibibytes, deniedCommands);
        }

        /** The same, refusing these commands with "550 Permission denied". */
        public Options deny(String... commands) {
            return new Options(tls, fileSizeLimitKibibytes, List.of(commands));
        }
    }

    private final Path home;
    private final int port;
    private final String user;
    private final String password;
    private final Process process;

    private VsftpdServer(Path home, int port, String user, String password, Process process) {
        this.home = home;
        this.port = port;
        this.user = user;
        this.password = password;
        this.process = process;
    }

    /** Plain FTP, no limits. */
    public static Options options() {
        return new Options(Tls.NONE, 0, List.of());
    }

    /** Starts a plain FTP server. */
    public static VsftpdServer start() throws IOException, InterruptedException {
        return start(options());
    }

    /**
     * Starts a server.
     *
     * @throws IllegalStateException naming the Debian package when vsftpd or openssl is missing, or
     *     saying so when the tests do not run as root
     */
    public static VsftpdServer start(Options options) throws IOException, InterruptedException {
        if (!Files.isExecutable(VSFTPD)) {
            throw new IllegalStateException("The FTP tests need a real vsftpd at " + VSFTPD
                    + ": install it (Debian: apt-get install -y vsftpd), then run the tests again");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The FTP tests start vsftpd with a throwaway system account, which needs "
                    + "root: run them as root (as CI does)");
        }
        Path home = Files.createTempDirectory("planb-vsftpd-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(EMPTY_FOLDER);
        String user = "planbftp" + HexFormat.of().formatHex(random(4));
        String password = HexFormat.of().formatHex(random(12));
        Files.createDirectories(home.resolve("files"));
        run(List.of("useradd", "--no-create-home", "--home-dir", home.resolve("files").toString(), "--shell", "/bin/sh",
                user), null, "passwd");
        VsftpdServer server = null;
        try {
            run(List.of("chpasswd"), user + ":" + password + "\n", "passwd");
            chown(home.resolve("files"), user);
            int port = freePort();
            List<String> config = new ArrayList<>(List.of(
                    "listen=YES",
                    "listen_address=127.0.0.1",
                    "listen_port=" + port,
                    "anonymous_enable=NO",
                    "local_enable=YES",
                    "write_enable=YES",
                    "local_umask=022",
                    "pasv_enable=YES",
                    "pasv_address=127.0.0.1",
                    "seccomp_sandbox=NO",
                    "background=NO",
                    "secure_chroot_dir=" + EMPTY_FOLDER,
                    "pam_service_name=vsftpd",
                    "vsftpd_log_file=" + home.resolve("vsftpd.log"),
                    "xferlog_enable=YES"));
            if (!options.deniedCommands().isEmpty()) {
                config.add("cmds_denied=" + String.join(",", options.deniedCommands()));
            }
            if (options.tls() != Tls.NONE) {
                selfSignedCertificate(home);
                config.addAll(List.of("ssl_enable=YES", "rsa_cert_file=" + home.resolve("cert.pem"),
                        "rsa_private_key_file=" + home.resolve("key.pem"), "force_local_logins_ssl=YES",
                        "force_local_data_ssl=YES", "require_ssl_reuse=NO",
                        "implicit_ssl=" + (options.tls() == Tls.IMPLICIT ? "YES" : "NO")));
            }
            Files.writeString(home.resolve("vsftpd.conf"), String.join("\n", config) + "\n");
            List<String> command = new ArrayList<>();
            if (options.fileSizeLimitKibibytes() > 0) {
                // Inherited by every session; with SIGXFSZ ignored, a write past it fails with EFBIG.
                command.addAll(List.of("bash", "-c", "trap '' XFSZ; ulimit -f " + options.fileSizeLimitKibibytes()
                        + "; exec \"$@\"", "vsftpd"));
            }
            command.addAll(List.of(VSFTPD.toString(), home.resolve("vsftpd.conf").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("vsftpd.out").toFile()).start();
            server = new VsftpdServer(home, port, user, password, process);
            server.awaitListening();
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (server != null) {
                server.close();
            } else {
                removeUser(user);
            }
            throw e;
        }
    }

    /** The host to connect to: {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The port the server listens on (the control connection; passive data ports are any free ones). */
    public int port() {
        return port;
    }

    /** The throwaway account the server lets in. */
    public String user() {
        return user;
    }

    /** That account's password. */
    public String password() {
        return password;
    }

    /** The server's self-signed certificate (PEM, for {@code 127.0.0.1}), when it speaks TLS. */
    public Path certificate() {
        return home.resolve("cert.pem");
    }

    /** A new, empty folder the account owns (an absolute path). */
    public Path newFolder() throws IOException {
        Path folder = home.resolve("files").resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        chown(folder, user);
        return folder;
    }

    /**
     * Cuts every open FTP session off, as a dropped network connection would: kills the server's
     * per-session processes and keeps the listener running.
     */
    public void dropSessions() throws InterruptedException {
        for (ProcessHandle session : process.toHandle().descendants().toList()) {
            session.destroyForcibly();
            session.onExit().join();
        }
    }

    /** The server's log, for assertion messages. */
    public String log() throws IOException {
        Path log = home.resolve("vsftpd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the server, removes the account and deletes the folder. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        removeUser(user);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Override
    public String toString() {
        return "VsftpdServer[" + host() + ":" + port + "]";
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("vsftpd stopped at start (exit " + process.exitValue() + "): "
                        + Files.readString(home.resolve("vsftpd.out")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("vsftpd did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private static void selfSignedCertificate(Path home) throws IOException, InterruptedException {
        run(List.of("openssl", "req", "-x509", "-nodes", "-newkey", "rsa:2048", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", home.resolve("key.pem").toString(),
                "-out", home.resolve("cert.pem").toString()), null, "openssl");
    }

    private static void chown(Path path, String user) throws IOException {
        UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(path, owner);
    }

    private static void removeUser(String user) {
        try {
            run(List.of("userdel", user), null, "passwd");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // Already gone, or the run is ending: nothing more to do.
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command, String input, String debianPackage)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("The FTP tests need " + command.get(0) + ": install it (Debian: apt-get "
                    + "install -y " + debianPackage + ")", e);
        }
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(command.get(0) + " failed: " + output);
        }
    }
}
