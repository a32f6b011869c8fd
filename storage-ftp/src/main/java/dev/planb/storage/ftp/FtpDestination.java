/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.spi.Destination;
import dev.planb.spi.IncompleteWrite;
import dev.planb.ErrorCode;
import dev.planb.spi.ObjectWriter;
import dev.planb.PlanBException;
import dev.planb.Secret;
import dev.planb.spi.StoredObject;
import dev.planb.spi.CommittingWriter;
import dev.planb.spi.support.ResumingInputStream;
import dev.planb.spi.support.TemporaryNames;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.net.ftp.FTPFile;

/**
 * A folder on an FTP or FTPS server. Every object is uploaded to a hidden temporary name beside
 * its final one ({@code .<name>.partial-<random>}) and renamed into place once the server has
 * confirmed the whole transfer, so an interrupted upload is never visible. Passive mode, binary
 * transfers; FTPS checks the server's certificate and host name. Each operation uses its own
 * connection (FTP carries one transfer at a time), so the destination is safe to use from
 * several threads.
 *
 * <pre>{@code
 * Destination offsite = FtpDestination.builder()
 *         .host("ftp.example.com").user("planb").password(Secret.fromEnvironment("PLANB_FTP_PASSWORD"))
 *         .directory("/backups").security(FtpSecurity.EXPLICIT_TLS)
 *         .writeOnly(true) // the account may not delete: PlanB never tries
 *         .build();
 * // or, as the command line writes it (the password from PLANB_FTP_PASSWORD):
 * Destination same = FtpUri.parse("ftps://planb@ftp.example.com/backups?writeOnly=true");
 * }</pre>
 */
public final class FtpDestination implements Destination {

    private static final String WRITE = "Cannot write to";
    private static final String READ = "Cannot read from";

    private final FtpSettings settings;
    private final FtpErrors errors;

    private FtpDestination(FtpSettings settings) {
        this.settings = settings;
        this.errors = new FtpErrors(settings);
    }

    /**
     * Starts describing an FTP destination.
     *
     * @return a builder without host, user, password or directory, which {@link Builder#build()} requires
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
        FtpSession session = FtpSession.open(settings, errors);
        try {
            session.makeFolders(folder);
            return new FtpWriter(session, session.store(temporary), temporary, target);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens a stored file. A download is complete only when the server confirms it: a transfer that breaks off
     * (a dropped connection, a server that aborts it) is a failed read, never a shorter file. It goes on from the
     * byte where it stopped ({@code REST}), on a new connection, up to {@value ResumingInputStream#ATTEMPTS} times in
     * a row without a byte read (pauses of 1, 2, 4, 8 and 16 s); PlanB never rewrites a stored file, and the
     * manifest's size and SHA-256, checked by the reader at the end, prove what was read.
     */
    @Override
    public InputStream open(String key) throws IOException {
        String path = resolve(key);
        return ResumingInputStream.open(offset -> openFrom(path, offset), description() + "/" + key);
    }

    private InputStream openFrom(String path, long offset) throws IOException {
        FtpSession session = FtpSession.open(settings, errors);
        try {
            return new RemoteFile(session, path, session.retrieve(path, offset));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        String start = prefix.contains("/") ? settings.path(prefix.substring(0, prefix.lastIndexOf('/')))
                : settings.directory();
        List<StoredObject> objects = new ArrayList<>();
        try (FtpSession session = FtpSession.open(settings, errors)) {
            walk(session, start, prefix, objects);
        }
        return objects;
    }

    /** Collects the files under {@code folder}, skipping hidden names (temporary uploads start with a dot). */
    private void walk(FtpSession session, String folder, String prefix, List<StoredObject> found) throws IOException {
        for (FTPFile entry : session.list(folder)) {
            if (entry.getName().startsWith(".")) {
                continue;
            }
            String path = folder.equals("/") ? "/" + entry.getName() : folder + "/" + entry.getName();
            if (entry.isDirectory()) {
                walk(session, path, prefix, found);
            } else if (entry.isFile()) {
                String key = path.substring(settings.path("").length());
                if (key.startsWith(prefix)) {
                    found.add(new StoredObject(key, entry.getSize()));
                }
            }
        }
    }

    /** The hidden {@code .<name>.partial-<random>} files of uploads that killed runs or dropped connections left. */
    @Override
    public List<IncompleteWrite> incompleteWrites(String prefix) throws IOException {
        List<IncompleteWrite> writes = new ArrayList<>();
        try (FtpSession session = FtpSession.open(settings, errors)) {
            walkTemporary(session, settings.directory(), prefix, writes);
        }
        return writes;
    }

    private void walkTemporary(FtpSession session, String folder, String prefix, List<IncompleteWrite> found)
            throws IOException {
        for (FTPFile entry : session.listWithHidden(folder)) {
            String path = folder.equals("/") ? "/" + entry.getName() : folder + "/" + entry.getName();
            String handle = path.substring(settings.path("").length());
            if (entry.isDirectory()) {
                walkTemporary(session, path, prefix, found);
                continue;
            }
            Optional<String> key = TemporaryNames.targetOf(handle).filter(target -> target.startsWith(prefix));
            if (key.isPresent() && entry.isFile()) {
                Instant listed = entry.getTimestamp() == null ? Instant.now() : entry.getTimestamp().toInstant();
                found.add(new IncompleteWrite(key.get(), handle, entry.getSize(), session.modified(path, listed)));
            }
        }
    }

    /**
     * Deletes a temporary upload, even on a write-only destination (some servers let an account remove what it is
     * still writing); refused with {@link ErrorCode#DELETE_NOT_PERMITTED} when the server says no.
     */
    @Override
    public void discard(IncompleteWrite write) throws IOException {
        String path = resolve(write.handle());
        try (FtpSession session = FtpSession.open(settings, errors)) {
            if (!session.delete(path) && session.exists(path)) {
                throw errors.deleteNotPermitted(path, session.reply());
            }
            session.removeEmptyFolders(path.substring(0, path.lastIndexOf('/')), settings.directory());
        }
    }

    /**
     * Deletes the file, then its folders while they are empty. Refused with
     * {@link ErrorCode#DELETE_NOT_PERMITTED} on a {@link Builder#writeOnly(boolean) write-only}
     * destination or when the server refuses to delete a file that exists.
     */
    @Override
    public void delete(String key) throws IOException {
        String path = resolve(key);
        if (settings.writeOnly()) {
            throw errors.deleteNotPermitted(path, null);
        }
        try (FtpSession session = FtpSession.open(settings, errors)) {
            if (!session.delete(path)) {
                String reply = session.reply();
                if (session.exists(path)) {
                    throw errors.deleteNotPermitted(path, reply);
                }
            }
            session.removeEmptyFolders(path.substring(0, path.lastIndexOf('/')), settings.directory());
        }
    }

    @Override
    public boolean canDelete() {
        return !settings.writeOnly();
    }

    @Override
    public String toString() {
        return "FtpDestination[" + description() + "]";
    }

    private String resolve(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("\\")
                || List.of(key.split("/")).stream().anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw new IllegalArgumentException("invalid key: " + key);
        }
        return settings.path(key);
    }

    /** Uploads to a temporary name; commit waits for the server's confirmation and renames it into place. */
    private final class FtpWriter extends CommittingWriter {
        private final FtpSession session;
        private final String temporary;
        private final String target;

        FtpWriter(FtpSession session, OutputStream out, String temporary, String target) {
            super(target, out);
            this.session = session;
            this.temporary = temporary;
            this.target = target;
        }

        @Override
        protected IOException failed(IOException failure) {
            return errors.transferFailure(WRITE, target, failure, session.replyAfterBrokenTransfer());
        }

        @Override
        protected void finish() throws IOException {
            try {
                out().close();
            } catch (IOException e) {
                throw failed(e);
            }
            session.finishTransfer(WRITE, target);
            session.rename(temporary, target);
            session.close();
        }

        @Override
        protected void abort() {
            if (session.isHealthy()) {
                try {
                    out().close();
                    session.finishTransfer(WRITE, temporary);
                } catch (IOException e) {
                    session.markBroken();
                }
            }
            // After a broken transfer the connection is out of step: clean up on a new one.
            if (session.isHealthy()) {
                removeTemporary(session);
            } else {
                session.abandon();
                try (FtpSession cleanup = FtpSession.open(settings, errors)) {
                    removeTemporary(cleanup);
                } catch (RuntimeException e) {
                    // The server is gone: a hidden temporary file is never listed; it is only clutter.
                }
            }
        }

        private void removeTemporary(FtpSession cleanup) {
            try (cleanup) {
                cleanup.delete(temporary);
                cleanup.removeEmptyFolders(temporary.substring(0, temporary.lastIndexOf('/')), settings.directory());
            } catch (IOException | RuntimeException e) {
                // A hidden temporary file is never listed; it is only clutter.
            }
        }
    }

    /**
     * Describes an FTP destination. Host, user, password and directory are required; plain FTP
     * unless told otherwise.
     */
    public static final class Builder {
        private String host;
        private Integer port;
        private String user;
        private Secret password;
        private String directory;
        private FtpSecurity security = FtpSecurity.PLAIN;
        private Path certificate;
        private boolean writeOnly;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration dataTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * Sets the server to connect to (required).
         *
         * @param host the server's host name or IP address; for FTPS, the name its certificate is for
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the server's control port, when it is not the usual one.
         *
         * @param port 1 to 65535; by default 21, or 990 for {@link FtpSecurity#IMPLICIT_TLS}
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the account to log in as (required).
         *
         * @param user the account's name on the server
         * @return this builder
         */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /**
         * Sets the account's password (required). With {@link FtpSecurity#PLAIN} it crosses the network
         * readable.
         *
         * @param password the password, e.g. {@code Secret.fromEnvironment("PLANB_FTP_PASSWORD")}
         * @return this builder
         */
        public Builder password(Secret password) {
            this.password = password;
            return this;
        }

        /**
         * The absolute folder backups go to, as the server shows it after login (for an account
         * locked into its home folder, {@code /} is that home). An upload creates the folders it needs.
         *
         * @param directory the folder's absolute path, starting with {@code /} (required)
         * @return this builder
         */
        public Builder directory(String directory) {
            this.directory = directory;
            return this;
        }

        /**
         * Chooses whether and how the connection is encrypted.
         *
         * @param security {@link FtpSecurity#PLAIN} (the default), {@link FtpSecurity#EXPLICIT_TLS} or
         *     {@link FtpSecurity#IMPLICIT_TLS}; not {@code null}
         * @return this builder
         */
        public Builder security(FtpSecurity security) {
            this.security = security;
            return this;
        }

        /**
         * For FTPS: trusts the certificate(s) in this PEM file (the server's own, or its CA)
         * instead of the JVM's trust store. The host name is checked either way.
         *
         * @param pemFile a readable file with one or more PEM certificates; only with FTPS
         * @return this builder
         */
        public Builder certificate(Path pemFile) {
            this.certificate = pemFile;
            return this;
        }

        /**
         * The account may not delete (the safer set-up: production cannot remove its backups).
         * PlanB then never tries; deletes fail with {@link ErrorCode#DELETE_NOT_PERMITTED}.
         *
         * @param writeOnly {@code true} when the account cannot delete; default {@code false}
         * @return this builder
         */
        public Builder writeOnly(boolean writeOnly) {
            this.writeOnly = writeOnly;
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
         * Sets how long the server may stay silent during a command or a transfer before the
         * operation fails.
         *
         * @param timeout positive and under 24 days (default 60 seconds)
         * @return this builder
         */
        public Builder dataTimeout(Duration timeout) {
            this.dataTimeout = timeout;
            return this;
        }

        /**
         * Checks the settings and creates the destination; nothing is connected yet.
         *
         * @return the destination; it holds no connection between operations, so there is nothing to close
         * @throws PlanBException with {@link ErrorCode#INVALID_SETTING} naming the bad setting
         */
        public FtpDestination build() {
            require(host != null && !host.isBlank(), "host is not set: give the server's name or address");
            Objects.requireNonNull(security, "security");
            int resolvedPort = port == null ? security.defaultPort() : port;
            require(resolvedPort > 0 && resolvedPort < 65536, "port " + resolvedPort + " is not a TCP port: give 1-65535");
            require(user != null && !user.isBlank(), "user is not set: give the account to log in as");
            require(password != null, "no password: set PLANB_FTP_PASSWORD or give passwordFile=FILE");
            require(directory != null && directory.startsWith("/"), "directory '" + directory
                    + "' is not absolute: give the folder for the backups as the server shows it, starting with /");
            require(certificate == null || security.tls(), "certificate is only for FTPS: use ftps:// or drop it");
            require(certificate == null || Files.isReadable(certificate), "certificate file " + certificate
                    + " cannot be read: give the server's certificate or its CA in PEM form");
            for (Duration timeout : List.of(Objects.requireNonNull(connectTimeout, "connectTimeout"),
                    Objects.requireNonNull(dataTimeout, "dataTimeout"))) {
                require(!timeout.isNegative() && !timeout.isZero() && timeout.toMillis() <= Integer.MAX_VALUE,
                        "timeouts must be positive and under 24 days, not " + timeout);
            }
            String folder = directory.length() > 1 && directory.endsWith("/")
                    ? directory.substring(0, directory.length() - 1) : directory;
            return new FtpDestination(new FtpSettings(host, resolvedPort, user, password, folder, security, certificate,
                    writeOnly, connectTimeout, dataTimeout));
        }

        private void require(boolean condition, String problem) {
            if (!condition) {
                String where = host == null ? "FTP destination" : "FTP destination " + user + "@" + host;
                throw new PlanBException(ErrorCode.INVALID_SETTING, where + ": " + problem);
            }
        }
    }

    /** A download on its own session; its end is the file's only once the server confirms the transfer. */
    private final class RemoteFile extends FilterInputStream {
        private final FtpSession session;
        private final String path;
        private Progress progress = Progress.READING;

        RemoteFile(FtpSession session, String path, InputStream in) {
            super(in);
            this.session = session;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            switch (progress) {
                case COMPLETE:
                    return -1;
                case BROKEN_OFF:
                    throw new IOException(path + ": the download broke off");
                case CLOSED:
                    throw new IOException(path + ": the download is closed");
                default:
                    break;
            }
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw errors.transferFailure(READ, path, e, session.replyAfterBrokenTransfer());
            }
            if (n < 0) {
                progress = Progress.BROKEN_OFF; // until the server confirms
                super.close(); // the data connection ends before the server's verdict comes
                session.finishTransfer(READ, path);
                progress = Progress.COMPLETE;
            }
            return n;
        }

        /** A reader that stops early is no failure: the connection is dropped rather than drained. */
        @Override
        public void close() {
            if (progress == Progress.CLOSED) {
                return;
            }
            try {
                if (progress == Progress.READING) {
                    super.close();
                    session.finishTransfer(READ, path);
                }
            } catch (IOException e) {
                session.markBroken();
            } finally {
                progress = Progress.CLOSED;
                session.close();
            }
        }
    }

    /** Where a {@link RemoteFile} stands. */
    private enum Progress {
        /** Data may still come. */
        READING,
        /** The data ended and the server confirmed the whole file. */
        COMPLETE,
        /** The data ended without the server's confirmation. */
        BROKEN_OFF,
        CLOSED
    }
}
