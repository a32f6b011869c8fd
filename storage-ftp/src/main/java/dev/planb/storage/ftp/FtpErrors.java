/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.ftp;

import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.apache.commons.net.ftp.FTPClient;

/** Turns FTP replies and Commons Net's exceptions into one-line messages that say which server, which file and what to do. */
final class FtpErrors {

    private final FtpSettings settings;

    FtpErrors(FtpSettings settings) {
        this.settings = settings;
    }

    /** A failure to connect, negotiate TLS or reach the server at all. */
    PlanBException connectionFailure(IOException e) {
        String server = settings.host() + ":" + settings.port();
        String reason;
        if (e instanceof UnknownHostException) {
            reason = "Unknown FTP host '" + settings.host() + "': check the host name of " + settings.description();
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            reason = "Cannot connect to the FTP server " + server + " (" + e.getMessage()
                    + "): check that the FTP server runs there and that the port is right";
        } else if (e instanceof SocketTimeoutException) {
            reason = "The FTP server " + server + " did not answer within " + settings.connectTimeout().toSeconds()
                    + " s: check the host, the port and any firewall in between";
        } else if (e instanceof SSLException && hasCause(e, CertificateException.class)) {
            reason = "The TLS certificate of the FTP server " + server + " is not trusted ("
                    + oneLine(rootCause(e).getMessage()) + "): give certificate=FILE with the server's certificate "
                    + "or its CA (PEM), or add the CA to the JVM's trust store";
        } else if (e instanceof SSLException) {
            reason = "TLS with the FTP server " + server + " failed (" + oneLine(e.getMessage()) + "): check that it "
                    + (settings.security() == FtpSecurity.IMPLICIT_TLS ? "speaks implicit FTPS on this port"
                            : "supports AUTH TLS (explicit FTPS), or use implicit=true for implicit FTPS");
        } else {
            reason = "Cannot talk to the FTP server " + server + " for " + settings.description() + ": "
                    + oneLine(e.getMessage());
        }
        return new PlanBException(ErrorCode.DESTINATION_FAILED, reason, e);
    }

    /** The server refused the login. */
    PlanBException loginRefused(FTPClient client) {
        return new PlanBException(ErrorCode.DESTINATION_FAILED, "The FTP server " + settings.host() + ":"
                + settings.port() + " refused the login of user '" + settings.user() + "' (" + reply(client)
                + "): check the user name and the password (PLANB_FTP_PASSWORD or passwordFile)");
    }

    /**
     * The server answered a command with an error; {@code path} is the server-side path.
     * Missing files are not handled here: the caller knows whether a missing file is an error.
     */
    IOException refused(String action, String path, FTPClient client) {
        int code = client.getReplyCode();
        String reply = reply(client);
        String where = action + " " + settings.description() + ": ";
        if (code == 451 || code == 452 || code == 552) {
            return new IOException(where + "the server could not store " + path + " (" + reply + "): usually a full "
                    + "disk or quota; check free space for user '" + settings.user() + "' on " + settings.host());
        }
        if (code == 553 || code == 550) {
            return new IOException(where + "the server refused " + path + " (" + reply + "): check that user '"
                    + settings.user() + "' may write to " + settings.directory() + " on " + settings.host());
        }
        if (code == 522 || code == 425 && reply.contains("TLS")) {
            return new IOException(where + "the server refused the TLS data connection for " + path + " (" + reply
                    + "): with vsftpd, set require_ssl_reuse=NO");
        }
        if (code == 421) {
            return new IOException(where + "the server closed the connection (" + reply + "): check its session "
                    + "limits and logs on " + settings.host());
        }
        return new IOException(where + path + ": " + reply);
    }

    /** A transfer that broke off, with what the server said about it if it said anything. */
    IOException transferFailure(String action, String path, IOException e, String serverReply) {
        if (serverReply != null) {
            return new IOException(action + " " + settings.description() + ": the transfer of " + path
                    + " broke off and the server said '" + serverReply + "': on a write this is usually a full disk "
                    + "or quota; check free space for user '" + settings.user() + "' on " + settings.host(), e);
        }
        return new IOException(action + " " + settings.description() + ": the connection to " + settings.host()
                + " broke off during " + path + " (" + oneLine(e.getMessage()) + "): check the network and the "
                + "server's timeouts, then run again", e);
    }

    /** A delete refused by the server: the account may not delete, so pruning needs the server's own clean-up. */
    PlanBException deleteNotPermitted(String path, String reply) {
        return new PlanBException(ErrorCode.DELETE_NOT_PERMITTED, "Deleting " + path + " on " + settings.description()
                + " is not permitted" + (reply == null ? "" : " (" + reply + ")") + ": this account cannot delete; "
                + "remove old backups on the server itself, or prune with an account that may delete");
    }

    /** The server's last reply on one line, without secrets (servers do not echo passwords). */
    static String reply(FTPClient client) {
        String reply = client.getReplyString();
        return reply == null ? "no reply" : oneLine(reply);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
