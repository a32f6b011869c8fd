/*
 * Copyright 2026 the PlanB authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.planb.storage.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.planb.PlanBException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH connection to the server, opened on first use and shared by every operation of a
 * destination. SFTP channels are not thread-safe, so each operation borrows its own channel over
 * that one connection and gives it back for reuse. The connection is closed after it has been
 * unused for the idle timeout, and reopened when needed again.
 */
final class SftpConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SftpConnection.class);
    private static final ScheduledExecutorService IDLE_TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "planb-sftp-idle");
        thread.setDaemon(true);
        return thread;
    });

    private final SftpSettings settings;
    private final SftpErrors errors;
    private final Deque<ChannelSftp> idle = new ArrayDeque<>();
    private Session session;
    private int inUse;
    private ScheduledFuture<?> idleClose;

    SftpConnection(SftpSettings settings, SftpErrors errors) {
        this.settings = settings;
        this.errors = errors;
    }

    /** A channel for one operation; close the lease to give it back. */
    synchronized Lease borrow() {
        if (idleClose != null) {
            idleClose.cancel(false);
            idleClose = null;
        }
        if (session == null || !session.isConnected()) {
            disconnect();
            session = connect();
        }
        ChannelSftp channel = idle.pollFirst();
        while (channel != null && !channel.isConnected()) {
            channel = idle.pollFirst();
        }
        if (channel == null) {
            channel = openChannel();
        }
        inUse++;
        return new Lease(channel);
    }

    /** A channel if the connection is still open, for cleaning up without reconnecting. */
    synchronized Optional<Lease> borrowIfConnected() {
        return session != null && session.isConnected() ? Optional.of(borrow()) : Optional.empty();
    }

    /** Closes the connection now; the next operation opens a new one. */
    synchronized void close() {
        disconnect();
    }

    private synchronized void giveBack(ChannelSftp channel, boolean reusable) {
        inUse--;
        if (reusable && channel.isConnected() && session != null && session.isConnected()) {
            idle.addFirst(channel);
        } else {
            channel.disconnect();
        }
        if (inUse == 0 && session != null) {
            idleClose = IDLE_TIMER.schedule(this::closeIfIdle, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void closeIfIdle() {
        if (inUse == 0 && session != null) {
            LOG.debug("Closing the idle SFTP connection to {}", settings.description());
            disconnect();
        }
    }

    private Session connect() {
        try {
            JSch jsch = new JSch();
            settings.credentials().addTo(jsch);
            Session newSession = jsch.getSession(settings.user(), settings.host(), settings.port());
            settings.credentials().password().ifPresent(password ->
                    newSession.setPassword(password.reveal().getBytes(StandardCharsets.UTF_8)));
            settings.hostKeys().reload();
            newSession.setHostKeyRepository(settings.hostKeys());
            newSession.setConfig("StrictHostKeyChecking", "yes");
            newSession.setConfig("PreferredAuthentications", settings.credentials().authentications());
            newSession.setDaemonThread(true);
            // No answer to a keep-alive within the read timeout ends the connection instead of hanging.
            newSession.setServerAliveInterval((int) settings.readTimeout().toMillis());
            newSession.setServerAliveCountMax(1);
            newSession.connect((int) settings.connectTimeout().toMillis());
            LOG.debug("Connected to {}", settings.description());
            return newSession;
        } catch (JSchException e) {
            throw errors.connectionFailure(e);
        }
    }

    private ChannelSftp openChannel() {
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect((int) settings.connectTimeout().toMillis());
            return channel;
        } catch (JSchException e) {
            PlanBException failure = errors.connectionFailure(e);
            disconnect();
            throw failure;
        }
    }

    private void disconnect() {
        idle.forEach(ChannelSftp::disconnect);
        idle.clear();
        if (session != null) {
            session.disconnect();
            session = null;
        }
    }

    /** A borrowed channel. */
    final class Lease implements AutoCloseable {
        private final ChannelSftp channel;
        private boolean reusable = true;
        private boolean returned;

        private Lease(ChannelSftp channel) {
            this.channel = channel;
        }

        /** The channel; use absolute paths, as another operation may have changed its folder. */
        ChannelSftp channel() {
            return channel;
        }

        /** Marks the channel as broken (an interrupted transfer), so it is closed instead of reused. */
        void discard() {
            reusable = false;
        }

        /** Whether the channel is still in a known state: no transfer broke off on it. */
        boolean isHealthy() {
            return reusable && channel.isConnected();
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                giveBack(channel, reusable);
            }
        }
    }
}
