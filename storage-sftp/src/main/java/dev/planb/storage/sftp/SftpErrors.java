/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import com.jcraft.jsch.SftpException;
import dev.planb.ErrorCode;
import dev.planb.PlanBException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** Turns JSch's exceptions into one-line messages that say which server, which file and what to do. */
final class SftpErrors {

    private final SftpSettings settings;

    SftpErrors(SftpSettings settings) {
        this.settings = settings;
    }

    /** A failure to connect or log in. */
    PlanBException connectionFailure(JSchException e) {
        String server = settings.host() + ":" + settings.port();
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason;
        if (e instanceof JSchChangedHostKeyException) {
            reason = settings.hostKeys().refusal(settings.host(), settings.port(), true);
        } else if (e instanceof JSchUnknownHostKeyException) {
            reason = settings.hostKeys().refusal(settings.host(), settings.port(), false);
        } else if (e.getCause() instanceof UnknownHostException) {
            reason = "Cannot connect to the SFTP server: host '" + settings.host() + "' could not be resolved: check the"
                    + " host name of " + settings.description();
        } else if (e.getCause() instanceof ConnectException || e.getCause() instanceof NoRouteToHostException) {
            reason = "Cannot connect to the SFTP server " + server + " (" + e.getCause().getMessage()
                    + "): check that sshd runs there and that the port is right";
        } else if (e.getCause() instanceof SocketTimeoutException || message.toLowerCase(Locale.ROOT).contains("timeout")) {
            reason = "The SFTP server " + server + " did not answer within " + settings.connectTimeout().toSeconds()
                    + " s: check the host, the port and any firewall in between";
        } else if (message.startsWith("Auth") || message.contains("USERAUTH")) {
            reason = "The SFTP server " + server + " refused the login of user '" + settings.user() + "' with "
                    + settings.credentials().describe() + ": check the user name, and that "
                    + (settings.credentials().usesKey() ? "the public key is in that user's authorized_keys"
                            : "the password is right") + " on the server";
        } else if (message.contains("invalid privatekey") || message.contains("Could not parse")) {
            reason = "Cannot read the SFTP private key (" + message + "): give an OpenSSH or PEM private key, and its "
                    + "passphrase if it has one";
        } else {
            reason = "Cannot connect to " + settings.description() + ": " + message;
        }
        return new PlanBException(ErrorCode.DESTINATION_FAILED, reason, e);
    }

    /** A failed file operation; {@code path} is the server-side path. */
    IOException fileFailure(String action, String path, SftpException e) {
        return switch (e.id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> (IOException) new NoSuchFileException(path, null,
                    "no such file or folder on " + settings.host()).initCause(e);
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> new IOException(action + " " + settings.description()
                    + ": permission denied on " + path + ": give user '" + settings.user() + "' access to it on "
                    + settings.host(), e);
            case ChannelSftp.SSH_FX_FAILURE -> new IOException(action + " " + settings.description()
                    + ": the server failed on " + path + " (SSH_FX_FAILURE): on a write this is usually a full disk "
                    + "or quota; check free space on " + settings.host(), e);
            default -> new IOException(action + " " + settings.description() + ": " + path + ": " + e.getMessage(), e);
        };
    }

    /** A transfer that broke off: an I/O error from the channel's streams, which JSch wraps without an id. */
    IOException transferFailure(String action, String path, IOException e) {
        if (e.getCause() instanceof SftpException sftp) {
            return fileFailure(action, path, sftp);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("Failure")) {
            return new IOException(action + " " + settings.description() + ": the server failed to write " + path
                    + " (SSH_FX_FAILURE): usually a full disk or quota; check free space on " + settings.host(), e);
        }
        if (message.contains("Permission denied")) {
            return new IOException(action + " " + settings.description() + ": permission denied on " + path
                    + ": give user '" + settings.user() + "' access to it on " + settings.host(), e);
        }
        return new IOException(action + " " + settings.description() + ": " + path + ": " + message, e);
    }
}
