/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

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

        /**
         * Sets how the server speaks TLS.
         *
         * @param mode plain FTP, explicit or implicit FTPS
         * @return these options with {@code mode}; this record is not changed
         */
        public Options tls(Tls mode) {
            return new Options(mode, fileSizeLimitKibibytes, deniedCommands);
        }

        /**
         * Limits the size of files on the server: writes past it fail with "Failure writing to local file", as on
         * a full disk.
         *
         * @param kibibytes the largest file size, in KiB; 0 for no limit
         * @return these options with the limit; this record is not changed
         */
        public Options fileSizeLimit(int kibibytes) {
            return new Options(tls, kibibytes, deniedCommands);
        }

        /**
         * Makes the server refuse FTP commands with "550 Permission denied" (vsftpd's {@code cmds_denied}).
         *
         * @param commands FTP command names, e.g. {@code DELE}; they replace any denied before
         * @return these options with the commands denied; this record is not changed
         */
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

    /**
     * {@return options for plain FTP with no limits and no command denied} Change them with the {@link Options}
     * methods and pass them to {@link #start(Options)}.
     */
    public static Options options() {
        return new Options(Tls.NONE, 0, List.of());
    }

    /**
     * Starts a plain FTP server, as {@link #start(Options)} with {@link #options()}.
     *
     * @return the running server
     * @throws IllegalStateException as {@link #start(Options)}
     * @throws IOException as {@link #start(Options)}
     * @throws InterruptedException as {@link #start(Options)}
     */
    public static VsftpdServer start() throws IOException, InterruptedException {
        return start(options());
    }

    /**
     * Starts a server with a new system account and waits until it listens (up to 20 seconds). Stop it with
     * {@link #close()}, which also removes the account.
     *
     * @param options TLS, file size limit and denied commands, from {@link #options()}
     * @return the running server
     * @throws IllegalStateException naming the Debian package when vsftpd or openssl is missing, or
     *     saying so when the tests do not run as root, or when the server stops at start or does not listen in time
     * @throws IOException when the account, the certificate or the configuration cannot be made
     * @throws InterruptedException when interrupted while a command runs or while waiting for the server to listen
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
            int port = ServerProcesses.freePort();
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
            ServerProcesses.awaitListening(process, port, START_TIMEOUT, "vsftpd",
                    () -> Files.readString(home.resolve("vsftpd.out")));
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

    /** {@return the host to connect to: {@code 127.0.0.1}} */
    public String host() {
        return "127.0.0.1";
    }

    /**
     * {@return the port the server listens on for the control connection} Passive data connections use any free
     * port.
     */
    public int port() {
        return port;
    }

    /** {@return the name of the throwaway system account the server lets in} */
    public String user() {
        return user;
    }

    /** {@return the password of {@link #user()}, random for each server} */
    public String password() {
        return password;
    }

    /**
     * {@return the server's self-signed certificate (PEM, for {@code 127.0.0.1})} The file exists only when the
     * server speaks TLS; a client trusts it to connect.
     */
    public Path certificate() {
        return home.resolve("cert.pem");
    }

    /**
     * {@return a new, empty folder that {@link #user()} owns, as an absolute path}
     *
     * @throws IOException when the folder cannot be created or given to the account
     */
    public Path newFolder() throws IOException {
        Path folder = home.resolve("files").resolve(UUID.randomUUID().toString());
        Files.createDirectories(folder);
        chown(folder, user);
        return folder;
    }

    /**
     * Cuts every open FTP session off, as a dropped network connection would: kills the server's
     * per-session processes, waits until they have ended, and keeps the listener running.
     */
    public void dropSessions() {
        ServerProcesses.dropSessions(process);
    }

    /**
     * {@return the server's log so far, for assertion messages; empty when it has written none}
     *
     * @throws IOException when the log cannot be read
     */
    public String log() throws IOException {
        Path log = home.resolve("vsftpd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * Stops the server and its sessions (forcibly after 10 seconds), removes the account and deletes the folder.
     *
     * @throws IOException when a file of the folder cannot be deleted
     * @throws InterruptedException when interrupted while waiting for the server to stop
     */
    @Override
    public void close() throws IOException, InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        ServerProcesses.stop(process, home);
        removeUser(user);
    }

    @Override
    public String toString() {
        return "VsftpdServer[" + host() + ":" + port + "]";
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
