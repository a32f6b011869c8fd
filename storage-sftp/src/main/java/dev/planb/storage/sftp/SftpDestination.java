/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import dev.planb.spi.IncompleteWrite;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.Destination;
import dev.planb.spi.ObjectWriter;
import dev.planb.spi.CommittingWriter;
import dev.planb.spi.support.ResumingInputStream;
import dev.planb.spi.support.TemporaryNames;
import dev.planb.spi.StoredObject;
import dev.planb.storage.sftp.SftpConnection.Lease;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A folder on an SSH/SFTP server. Every object is uploaded to a hidden temporary name beside its
 * final one ({@code .<name>.partial-<random>}) and renamed into place once complete, so an
 * interrupted upload is never visible. The server's host key is checked strictly by default.
 * One SSH connection is shared by all operations (each gets its own SFTP channel over it, so
 * the destination is safe to use from several threads) and closed after an idle timeout.
 *
 * <pre>{@code
 * Destination outbox = SftpDestination.builder()
 *         .host("backup.example.com").user("planb").directory("/srv/planb/outbox")
 *         .identity(Path.of("/etc/planb/id_ed25519"))
 *         .knownHosts(Path.of("/etc/planb/known_hosts"))
 *         .build();
 * // or, as the command line writes it:
 * Destination same = SftpUri.parse("sftp://planb@backup.example.com/srv/planb/outbox"
 *         + "?identity=/etc/planb/id_ed25519&knownHosts=/etc/planb/known_hosts");
 * }</pre>
 */
public final class SftpDestination implements Destination, Closeable {

    private final SftpSettings settings;
    private final SftpErrors errors;
    private final SftpConnection connection;
    private volatile String root;

    private SftpDestination(SftpSettings settings) {
        this.settings = settings;
        this.errors = new SftpErrors(settings);
        this.connection = new SftpConnection(settings, errors);
    }

    /**
     * Starts describing an SFTP destination.
     *
     * @return a builder without host, user, directory or login, which {@link Builder#build()} requires
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String description() {
        return settings.description();
    }

    @Override
    public ObjectWriter create(String key) throws IOException {
        String target = resolve(key);
        String folder = target.substring(0, target.lastIndexOf('/'));
        String temporary = TemporaryNames.next(target);
        Lease lease = connection.borrow();
        try {
            RemoteFolders.create(lease.channel(), folder);
            return new SftpWriter(lease, lease.channel().put(temporary, ChannelSftp.OVERWRITE), temporary, target);
        } catch (SftpException e) {
            lease.close();
            throw errors.fileFailure("Cannot write to", temporary, e);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Opens a stored file. A read that breaks off (a dropped connection) goes on from the byte where it stopped, on a
     * new connection, up to {@value ResumingInputStream#ATTEMPTS} times in a row without a byte read (pauses of 1, 2,
     * 4, 8 and 16 s). SFTP has no version tag to bind the pieces to one file as S3's ETag does: PlanB never rewrites a
     * stored file, and the manifest's size and SHA-256, checked by the reader at the end, prove what was read.
     */
    @Override
    public InputStream open(String key) throws IOException {
        String path = resolve(key);
        return ResumingInputStream.open(offset -> openFrom(path, offset), description() + "/" + key);
    }

    private InputStream openFrom(String path, long offset) throws IOException {
        Lease lease = connection.borrow();
        try {
            return new RemoteFile(lease, path, lease.channel().get(path, null, offset));
        } catch (SftpException e) {
            lease.close();
            throw errors.fileFailure("Cannot read from", path, e);
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        String base = root();
        String start = prefix.contains("/") ? base + "/" + prefix.substring(0, prefix.lastIndexOf('/')) : base;
        List<StoredObject> objects = new ArrayList<>();
        try (Lease lease = connection.borrow()) {
            RemoteFolders.walk(lease.channel(), start, (path, size) -> {
                String key = path.substring(base.length() + 1);
                if (key.startsWith(prefix)) {
                    objects.add(new StoredObject(key, size));
                }
            });
        } catch (SftpException e) {
            throw errors.fileFailure("Cannot list", start, e);
        }
        return objects;
    }

    /** The hidden {@code .<name>.partial-<random>} files of uploads that killed runs left behind. */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        String base = root();
        List<IncompleteWrite> writes = new ArrayList<>();
        try (Lease lease = connection.borrow()) {
            RemoteFolders.walkHidden(lease.channel(), base, (path, attributes) -> {
                String handle = path.substring(base.length() + 1);
                TemporaryNames.targetOf(handle).filter(key -> key.startsWith(prefix)).ifPresent(key -> writes.add(
                        new IncompleteWrite(key, handle, attributes.getSize(),
                                Instant.ofEpochSecond(Integer.toUnsignedLong(attributes.getMTime())))));
            });
        } catch (SftpException e) {
            throw errors.fileFailure("Cannot list", base, e);
        }
        return writes;
    }

    @Override
    public void discard(IncompleteWrite write) throws IOException {
        delete(write.handle());
    }

    @Override
    public void delete(String key) throws IOException {
        String path = resolve(key);
        try (Lease lease = connection.borrow()) {
            try {
                lease.channel().rm(path);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw errors.fileFailure("Cannot delete from", path, e);
                }
            }
            RemoteFolders.removeEmpty(lease.channel(), path.substring(0, path.lastIndexOf('/')), root());
        }
    }

    /** Closes the SSH connection now, instead of after the idle timeout; the next operation reconnects. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "SftpDestination[" + description() + "]";
    }

    /** The folder on the server, absolute: a relative folder is resolved against the user's home once. */
    private String root() throws IOException {
        String resolved = root;
        if (resolved == null) {
            String directory = settings.directory();
            if (directory.startsWith("/")) {
                resolved = directory;
            } else {
                try (Lease lease = connection.borrow()) {
                    String home = lease.channel().getHome();
                    resolved = (home.endsWith("/") ? home : home + "/") + directory;
                } catch (SftpException e) {
                    throw errors.fileFailure("Cannot find the home folder for", "~", e);
                }
            }
            root = resolved.length() > 1 && resolved.endsWith("/") ? resolved.substring(0, resolved.length() - 1) : resolved;
        }
        return root;
    }

    private String resolve(String key) throws IOException {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || List.of(key.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
        return root() + "/" + key;
    }

    /** Uploads to a temporary name; commit closes the upload and renames it into place. */
    private final class SftpWriter extends CommittingWriter {
        private final Lease lease;
        private final String temporary;
        private final String target;

        /** {@link #drain()} (the default: a flush) waits for the server to acknowledge every write so far. */
        SftpWriter(Lease lease, OutputStream out, String temporary, String target) {
            super(target, out);
            this.lease = lease;
            this.temporary = temporary;
            this.target = target;
        }

        @Override
        protected IOException failed(IOException failure) {
            lease.discard();
            return errors.transferFailure("Cannot write to", target, failure);
        }

        @Override
        protected void finish() throws IOException {
            try {
                takeOverChannel();
                out().close(); // waits for the server to acknowledge every write
                lease.channel().rename(temporary, target);
                lease.close();
            } catch (IOException e) {
                throw failed(e);
            } catch (SftpException e) {
                throw errors.fileFailure("Cannot write to", target, e);
            }
        }

        /**
         * JSch hands the server's answers to the thread that last read the channel, and drops
         * the channel if that thread has ended. The pipeline writes on one thread and commits
         * on another (after flushing on the writing thread), so a request (here a stat) first
         * makes this thread the reader.
         */
        private void takeOverChannel() throws IOException {
            out().flush(); // no answer may be pending when another request goes out
            try {
                lease.channel().stat(temporary);
            } catch (SftpException e) {
                // The upload's own close reports what is wrong.
            }
        }

        @Override
        protected void abort() {
            if (lease.isHealthy()) {
                try {
                    takeOverChannel();
                    out().close();
                } catch (IOException e) {
                    lease.discard();
                }
            }
            // After a broken transfer the channel's answers are out of step: clean up on another one.
            Optional<Lease> cleanup = lease.isHealthy() ? Optional.of(lease) : connection.borrowIfConnected();
            if (cleanup.orElse(null) != lease) {
                lease.close();
            }
            cleanup.ifPresent(this::removeTemporary);
        }

        private void removeTemporary(Lease cleanup) {
            try (cleanup) {
                cleanup.channel().rm(temporary);
                RemoteFolders.removeEmpty(cleanup.channel(), temporary.substring(0, temporary.lastIndexOf('/')), root);
            } catch (SftpException | RuntimeException e) {
                // A hidden temporary file is never listed; it is only clutter.
            }
        }
    }

    /**
     * Describes an SFTP destination. Host, user and directory are required, and so is a way to
     * log in; the host key is checked against {@code ~/.ssh/known_hosts} unless told otherwise.
     */
    public static final class Builder {
        private String host;
        private int port = 22;
        private String user;
        private String directory;
        private Path identityFile;
        private Secret identityKey;
        private Secret passphrase;
        private Secret password;
        private Path knownHosts;
        private String hostKeyFingerprint;
        private boolean acceptAnyHostKey;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofMinutes(2);

        private Builder() {
        }

        /**
         * Sets the server to connect to (required).
         *
         * @param host the server's host name or IP address, as in {@code ssh user@HOST}; its key must be
         *     known (see {@link #knownHosts(Path)})
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the server's SSH port.
         *
         * @param port 1 to 65535 (default 22)
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the account to log in as (required). Give it write access to {@link #directory(String)}
         * only: a dedicated, chrooted account limits what a stolen key can reach.
         *
         * @param user the account's name on the server
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets the folder the backups go to (required); an upload creates the folders it needs, this one included.
         *
         * @param directory an absolute path such as {@code /srv/planb}, or a path relative to the
         *     account's home folder such as {@code backups/app}
         * @return this builder
         */
        public Builder directory(String directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Logs in with a private key read from a file, like {@code ssh -i}. Not together with
         * {@link #identityKey(Secret)}.
         *
         * @param privateKeyFile a private key in OpenSSH or PEM format; if it is encrypted, give
         *     {@link #passphrase(Secret)} too
         * @return this builder
         */
        public Builder identity(Path privateKeyFile) {
            this.identityFile = privateKeyFile;
            return this;
        }

        /**
         * Logs in with a private key held in memory, e.g. read from a secret store, so that it never
         * lies in a file. Not together with {@link #identity(Path)}.
         *
         * @param privateKey the key's OpenSSH or PEM text
         * @return this builder
         */
        public Builder identityKey(Secret privateKey) {
            this.identityKey = privateKey;
            return this;
        }

        /**
         * Sets the passphrase that decrypts the private key given with {@link #identity(Path)} or
         * {@link #identityKey(Secret)}.
         *
         * @param passphrase the key's passphrase; leave unset for a key without one
         * @return this builder
         */
        public Builder passphrase(Secret passphrase) {
            this.passphrase = passphrase;
            return this;
        }

        /**
         * Logs in with a password; if a key is given as well, the key is tried first.
         *
         * @param password the account's password
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * Trusts the host keys listed in an OpenSSH {@code known_hosts} file; a server whose key is not
         * listed, or differs, is refused. Not together with {@link #hostKeyFingerprint(String)} or
         * {@link #acceptAnyHostKey()}.
         *
         * @param file the file, e.g. one filled with {@code ssh-keyscan}; by default
         *     {@code ~/.ssh/known_hosts}
         * @return this builder
         */
        public Builder knownHosts(Path file) {
            this.knownHosts = file;
            return this;
        }

        /**
         * Trusts exactly one host key, named by its fingerprint, instead of a {@code known_hosts} file.
         *
         * @param fingerprint the key's SHA-256 fingerprint as {@code ssh-keygen -lf} prints it,
         *     {@code SHA256:} and 43 Base64 characters (checked by {@link #build()})
         * @return this builder
         */
        public Builder hostKeyFingerprint(String fingerprint) {
            this.hostKeyFingerprint = fingerprint;
            return this;
        }

        /**
         * Accepts any host key. Insecure: anyone on the network path can pose as the server and
         * receive the backups. Every connection logs a warning with the key's fingerprint.
         *
         * @return this builder
         */
        public Builder acceptAnyHostKey() {
            this.acceptAnyHostKey = true;
            return this;
        }

        /**
         * Sets how long connecting and logging in may take before the operation fails.
         *
         * @param timeout positive and under 24 days (default 30 seconds)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How long the server may stay silent (default 60 s): PlanB then sends a keep-alive, and
         * gives the connection up if that is not answered within the same time either.
         *
         * @param timeout positive and under 24 days
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Sets how long the shared connection stays open unused before it is closed; the next
         * operation connects again.
         *
         * @param timeout positive and under 24 days (default 2 minutes)
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Checks the settings and creates the destination; nothing is connected yet.
         *
         * @return a destination to {@link SftpDestination#close() close} when done
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the bad setting
         */
        public SftpDestination build() {
            require(host != null && !host.isBlank(), "host is not set: give the server's name or address");
            require(port > 0 && port < 65536, "port " + port + " is not a TCP port: give 1-65535");
            require(user != null && !user.isBlank(), "user is not set: give the account to log in as");
            require(directory != null && !directory.isBlank(), "directory is not set: give the folder for the backups");
            require(identityFile == null || identityKey == null, "both identity (a key file) and identityKey are set: "
                    + "give one");
            int hostKeyChoices = (knownHosts != null ? 1 : 0) + (hostKeyFingerprint != null ? 1 : 0)
                    + (acceptAnyHostKey ? 1 : 0);
            require(hostKeyChoices <= 1, "choose one of knownHosts, hostKeyFingerprint and acceptAnyHostKey");
            require(hostKeyFingerprint == null || HostKeyFingerprint.isValid(hostKeyFingerprint), "hostKey '"
                    + hostKeyFingerprint + "' is not a SHA256 fingerprint: give it as ssh-keygen -lf prints it, "
                    + "e.g. SHA256:" + "A".repeat(43));
            for (Duration timeout : List.of(Objects.requireNonNull(connectTimeout, "connectTimeout"),
                    Objects.requireNonNull(readTimeout, "readTimeout"), Objects.requireNonNull(idleTimeout, "idleTimeout"))) {
                require(!timeout.isNegative() && !timeout.isZero() && timeout.toMillis() <= Integer.MAX_VALUE,
                        "timeouts must be positive and under 24 days, not " + timeout);
            }
            HostKeyVerifier hostKeys = acceptAnyHostKey ? HostKeyVerifier.acceptAny()
                    : hostKeyFingerprint != null ? HostKeyVerifier.pinned(hostKeyFingerprint)
                    : HostKeyVerifier.knownHosts(knownHosts != null ? knownHosts
                            : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
            SftpCredentials credentials = new SftpCredentials(identityFile, identityKey, passphrase, password);
            String folder = directory.length() > 1 && directory.endsWith("/") ? directory.substring(0, directory.length() - 1)
                    : directory;
            return new SftpDestination(new SftpSettings(host, port, user, folder, credentials, hostKeys, connectTimeout,
                    readTimeout, idleTimeout));
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                String where = host == null ? "SFTP destination" : "SFTP destination " + user + "@" + host;
                throw new PlanBException(ErrorCode.INVALID_SETTING, where + ": " + problem);
            }
        }
    }

    /** A remote file's bytes on a borrowed channel; a failed read marks the channel broken. */
    private final class RemoteFile extends FilterInputStream {
        private final Lease lease;
        private final String path;

        RemoteFile(Lease lease, String path, InputStream in) {
            super(in);
            this.lease = lease;
            this.path = path;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                lease.discard();
                throw errors.transferFailure("Cannot read from", path, e);
            }
        }

        /**
         * The bytes read were complete or the reader gave up: either way a failure to close the remote file is no
         * reason to fail the reader, only to drop the channel.
         */
        @Override
        public void close() {
            try {
                super.close();
            } catch (IOException e) {
                lease.discard();
            } finally {
                lease.close();
            }
        }
    }
}
