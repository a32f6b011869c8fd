/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * One logged-in FTP control connection, in passive binary mode; FTPS with the server's
 * certificate and host name checked. FTP allows one transfer at a time per connection, so each
 * operation (and each upload) has its own session.
 */
final class FtpSession implements AutoCloseable {

    private final FTPClient client;
    private final FtpErrors errors;
    private boolean broken;

    private FtpSession(FTPClient client, FtpErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    /** Connects and logs in. */
    static FtpSession open(FtpSettings settings, FtpErrors errors) {
        FTPClient client = settings.security().tls() ? tlsClient(settings) : new FTPClient();
        client.setControlEncoding("UTF-8");
        client.setConnectTimeout((int) settings.connectTimeout().toMillis());
        client.setDefaultTimeout((int) settings.dataTimeout().toMillis());
        client.setDataTimeout(settings.dataTimeout());
        FtpSession session = new FtpSession(client, errors);
        try {
            client.connect(settings.host(), settings.port());
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new PlanBException(ErrorCode.DESTINATION_FAILED, "The FTP server " + settings.host() + ":"
                        + settings.port() + " turned the connection away (" + FtpErrors.reply(client)
                        + "): check its connection limits");
            }
            if (!client.login(settings.user(), settings.password().reveal())) {
                throw errors.loginRefused(client);
            }
            if (client instanceof FTPSClient tls) {
                tls.execPBSZ(0);
                tls.execPROT("P");
            }
            client.enterLocalPassiveMode();
            if (!client.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw errors.refused("Cannot switch to binary mode on", settings.directory(), client);
            }
            return session;
        } catch (IOException e) {
            session.abandon();
            throw errors.connectionFailure(e);
        } catch (RuntimeException e) {
            session.abandon();
            throw e;
        }
    }

    /** Creates {@code folder} and its missing parents; another writer creating one at the same time is fine. */
    void makeFolders(String folder) throws IOException {
        if (folder.isEmpty() || client.changeWorkingDirectory(folder)) {
            return;
        }
        int slash = folder.lastIndexOf('/');
        if (slash > 0) {
            makeFolders(folder.substring(0, slash));
        }
        if (!client.makeDirectory(folder) && !client.changeWorkingDirectory(folder)) {
            throw errors.refused("Cannot create a folder on", folder, client);
        }
    }

    /** Starts uploading to {@code path}; finish with {@link #finishTransfer(String, String)}. */
    OutputStream store(String path) throws IOException {
        OutputStream out = client.storeFileStream(path);
        if (out == null) {
            throw errors.refused("Cannot write to", path, client);
        }
        return out;
    }

    /**
     * Starts downloading {@code path} from byte {@code offset} (FTP's {@code REST}); finish with
     * {@link #finishTransfer(String, String)}.
     */
    InputStream retrieve(String path, long offset) throws IOException {
        client.setRestartOffset(offset);
        InputStream in = client.retrieveFileStream(path);
        if (in != null) {
            return in;
        }
        IOException refusal = errors.refused("Cannot read from", path, client);
        if (client.getReplyCode() == FTPReply.FILE_UNAVAILABLE && !exists(path)) {
            throw (IOException) new NoSuchFileException(path, null, "no such file on the FTP server").initCause(refusal);
        }
        throw refusal;
    }

    /**
     * Reads the server's verdict on the transfer whose data stream was just closed. For a download whose data
     * ended, that verdict is what tells the end of the file from a transfer that broke off: a server or connection
     * that breaks off a transfer ends the data the same way.
     *
     * @param action what the transfer did, as errors say it ("Cannot write to", "Cannot read from")
     * @throws IOException naming the reason (a full disk, say) when the server reports a failure, or saying that
     *     it did not answer; the session is then out of step and no longer healthy
     */
    void finishTransfer(String action, String path) throws IOException {
        boolean complete;
        try {
            complete = client.completePendingCommand();
        } catch (IOException e) {
            broken = true;
            throw new IOException("the transfer of " + path + " ended without the server's confirmation: "
                    + e.getMessage(), e);
        }
        if (!complete) {
            broken = true;
            throw errors.refused(action, path, client);
        }
    }

    /**
     * After a transfer broke off: what the server said about it, if it says anything before the
     * connection ends or the timeout passes; {@code null} otherwise.
     */
    String replyAfterBrokenTransfer() {
        try {
            return client.completePendingCommand() ? null : FtpErrors.reply(client);
        } catch (IOException e) {
            return null;
        } finally {
            broken = true;
        }
    }

    /** Renames {@code from} to {@code to}. */
    void rename(String from, String to) throws IOException {
        if (!client.rename(from, to)) {
            throw errors.refused("Cannot rename the upload into place on", to, client);
        }
    }

    /** Deletes a file; {@code false} with the reply available when the server refused. */
    boolean delete(String path) throws IOException {
        return client.deleteFile(path);
    }

    /** The last reply, on one line. */
    String reply() {
        return FtpErrors.reply(client);
    }

    /** Whether a file exists: the server knows its size. */
    boolean exists(String path) throws IOException {
        return client.getSize(path) != null;
    }

    /** The entries of a folder, without {@code .} and {@code ..}; a missing folder has none. */
    List<FTPFile> list(String folder) throws IOException {
        FTPFile[] entries = client.listFiles(folder);
        int code = client.getReplyCode();
        if (!FTPReply.isPositiveCompletion(code) && code != FTPReply.FILE_UNAVAILABLE
                && code != FTPReply.FILE_ACTION_NOT_TAKEN) {
            throw errors.refused("Cannot list", folder, client);
        }
        return List.of(entries).stream().filter(entry -> entry != null && !entry.getName().equals(".")
                && !entry.getName().equals("..")).toList();
    }

    /** The entries of a folder with hidden ones ({@code LIST -a}), e.g. to find temporary uploads. */
    List<FTPFile> listWithHidden(String folder) throws IOException {
        client.setListHiddenFiles(true);
        try {
            return list(folder);
        } finally {
            client.setListHiddenFiles(false);
        }
    }

    /** When a file was last written, to the second ({@code MDTM}); {@code fallback} when the server cannot say. */
    Instant modified(String path, Instant fallback) throws IOException {
        Instant modified = client.mdtmInstant(path);
        return modified != null ? modified : fallback;
    }

    /** Removes {@code folder} and then its parents while they are empty, stopping at {@code root}. */
    void removeEmptyFolders(String folder, String root) throws IOException {
        for (String current = folder; current.startsWith(root.equals("/") ? "/" : root + "/") && current.length() > 1;
                current = current.substring(0, current.lastIndexOf('/'))) {
            if (!client.removeDirectory(current)) {
                return; // not empty, or not ours to remove
            }
        }
    }

    /** Whether the connection is still usable for commands. */
    boolean isHealthy() {
        return !broken && client.isConnected();
    }

    /** Marks the connection as unusable: the next clean-up takes a new one. */
    void markBroken() {
        broken = true;
    }

    /** Logs out and disconnects; a server that has gone already is no error. */
    @Override
    public void close() {
        if (isHealthy()) {
            try {
                client.logout();
            } catch (IOException e) {
                // Disconnecting anyway.
            }
        }
        abandon();
    }

    /** Drops the connection without a word to the server. */
    void abandon() {
        broken = true;
        try {
            client.disconnect();
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static FTPSClient tlsClient(FtpSettings settings) {
        FTPSClient client = new FTPSClient("TLS", settings.security() == FtpSecurity.IMPLICIT_TLS);
        client.setTrustManager(trustManager(settings));
        client.setEndpointCheckingEnabled(true);
        return client;
    }

    /** Trusts the given certificate(s), or the JVM's trust store: Commons Net's default checks only expiry. */
    private static TrustManager trustManager(FtpSettings settings) {
        try {
            KeyStore trusted = null;
            if (settings.certificate() != null) {
                trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                try (InputStream in = Files.newInputStream(settings.certificate())) {
                    int index = 0;
                    for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        trusted.setCertificateEntry("trusted-" + index++, certificate);
                    }
                }
                if (trusted.size() == 0) {
                    throw new GeneralSecurityException("no certificate in it");
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory.getTrustManagers()[0];
        } catch (IOException | GeneralSecurityException e) {
            throw new PlanBException(ErrorCode.INVALID_SETTING, "Cannot read the FTPS certificate file "
                    + settings.certificate() + " (" + e.getMessage() + "): give the server's certificate or its CA "
                    + "in PEM form", e);
        }
    }
}
